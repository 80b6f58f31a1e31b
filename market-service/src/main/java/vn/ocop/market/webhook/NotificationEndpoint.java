package vn.ocop.market.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a channel or point of sale wants to hear about its listings (URL), and the shared secret the market signs
 * each notification with. The secret is write-only through the API: views show only its last characters.
 */
@Embeddable
public class NotificationEndpoint {
    @Column(name = "notify_url")
    public String url;
    @Column(name = "notify_secret")
    public String secret;

    public NotificationEndpoint() {
    }

    public NotificationEndpoint(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    public boolean configured() {
        return url != null && !url.isBlank() && secret != null && !secret.isBlank();
    }

    /** The endpoint as the API shows it: the URL and a hint of the secret, never the secret itself. */
    @Schema(name = "NotificationEndpoint")
    public record View(@Schema(nullable = true) String url, @Schema(nullable = true) String secretHint) {
    }

    public View view() {
        if (url == null) {
            return null;
        }
        String hint = secret == null ? null : "…" + secret.substring(Math.max(0, secret.length() - 4));
        return new View(url, hint);
    }
}
