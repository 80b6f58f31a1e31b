package vn.ocop.market.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ocop.platform.observability.BusinessMetrics;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;

/**
 * Where the market may send notifications (against server-side request forgery): a public address over https
 * ({@code market.webhook.require-https}), never loopback, link-local, private (RFC 1918, carrier-grade NAT, IPv6
 * unique-local), multicast or unspecified, unless the host is on the explicit allow list
 * ({@code market.webhook.allowed-hosts}, for development and tests). Checked when a URL is registered (literal addresses
 * and local names) and again before each delivery, on every address the name resolves to then.
 */
@ApplicationScoped
public class WebhookTargetPolicy {

    public static final String REFUSED = "WEBHOOK_URL_REFUSED";

    @Inject
    WebhookConfig config;

    @Inject
    BusinessMetrics metrics;

    /** Refuses (400 {@value #REFUSED}) a URL that can never be a valid target; a null URL means "none". */
    public void requireAllowed(String field, String url) {
        if (url == null) {
            return;
        }
        URI uri = parse(url);
        String problem = uri == null ? "is not a valid URL" : schemeProblem(uri);
        if (problem == null && !allowedHost(uri.getHost())) {
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                problem = "points at this machine (localhost)";
            } else if (isLiteral(host)) {
                problem = addressProblem(literal(host));
            }
        }
        if (problem != null) {
            throw new ApiException(400, REFUSED, "Notification URL refused", field + ": " + url + " " + problem,
                    List.of(new Problem.Violation(field, problem)));
        }
    }

    /**
     * The delivery-time check of {@link WebhookSender}: when the target is refused now, records the delivery as
     * {@code REFUSED} (final, not sent, counted as outcome "refused") and returns true.
     */
    public boolean refuseIfForbidden(UUID deliveryId, String url) {
        Optional<String> refusal = refusal(url);
        refusal.ifPresent(reason -> QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            d.attempts++;
            d.status = WebhookDelivery.REFUSED;
            d.lastStatusCode = null;
            d.lastError = reason;
            metrics.countOnCommit("ocop.webhook.deliveries", "outcome", "refused");
        }));
        return refusal.isPresent();
    }

    /**
     * Why a delivery to {@code url} must not be sent now (after resolving its host), or empty when it may. A name that
     * does not resolve is not refused here: the attempt fails and is retried like any unreachable target.
     */
    public Optional<String> refusal(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return Optional.of("refused: not a valid URL");
        }
        String problem = schemeProblem(uri);
        if (problem == null && !allowedHost(uri.getHost())) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    problem = addressProblem(address);
                    if (problem != null) {
                        break;
                    }
                }
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(problem).map(p -> "refused: " + p);
    }

    private String schemeProblem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (config.requireHttps() ? !scheme.equals("https") : !(scheme.equals("https") || scheme.equals("http"))) {
            return config.requireHttps() ? "must use https" : "must use http or https";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        return null;
    }

    private boolean allowedHost(String host) {
        return config.allowedHosts().orElse(List.of()).stream().anyMatch(h -> h.equalsIgnoreCase(stripBrackets(host)));
    }

    /** Null when the address is public, else what it is. */
    public static String addressProblem(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "is a loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "is the unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            return "is a link-local address";
        }
        if (a.isMulticastAddress()) {
            return "is a multicast address";
        }
        byte[] b = a.getAddress();
        boolean privateRange = a.isSiteLocalAddress()
                || (b.length == 4 && (b[0] == 0 || (b[0] == 100 && (b[1] & 0xC0) == 64)))  // 0/8, 100.64/10 (CGNAT)
                || (b.length == 16 && (b[0] & 0xFE) == 0xFC);                               // fc00::/7 unique local
        return privateRange ? "is a private address" : null;
    }

    private static URI parse(String url) {
        try {
            return new URI(url.trim());
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A literal IPv4 or IPv6 address (never a name: no lookup happens at registration). */
    private static boolean isLiteral(String host) {
        String h = stripBrackets(host);
        return h.contains(":") || h.matches("[0-9.]+") || h.matches("(?i)0x[0-9a-f.x]+");
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(stripBrackets(host)); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress(); // unparseable "number" such as 127.1: treat as local
        }
    }
}
