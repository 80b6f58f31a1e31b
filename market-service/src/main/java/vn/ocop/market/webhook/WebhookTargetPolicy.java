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
 * and local names) and again before each delivery, on every address the name resolves to then; the delivery connects
 * to the address that was checked ({@link #resolve}).
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
     * The delivery-time check of {@link WebhookSender}: resolves the URL's host once and checks every address it has now
     * (DNS may answer differently than at registration). The sender then connects to {@link Target#address()}, the
     * address checked here, so a second lookup by the HTTP client cannot swap in another (DNS rebinding).
     */
    public Target resolve(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return Target.refused("refused: not a valid URL");
        }
        String problem = schemeProblem(uri);
        if (problem != null) {
            return Target.refused("refused: " + problem);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(stripBrackets(uri.getHost()));
        } catch (UnknownHostException e) {
            // Not refused: an unknown name fails the attempt and is retried like any unreachable target.
            return new Target(uri, null, null, "cannot resolve " + uri.getHost());
        }
        if (!allowedHost(uri.getHost())) {
            for (InetAddress address : addresses) {
                String addressProblem = problemOf(address);
                if (addressProblem != null) {
                    return Target.refused("refused: " + uri.getHost() + " resolves to " + address.getHostAddress() + ", which " + addressProblem);
                }
            }
        }
        return new Target(uri, addresses[0], null, null);
    }

    /** Why a delivery to {@code url} must not be sent now (after resolving its host), or empty when it may. */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(resolve(url).refusal());
    }

    /** Records a delivery whose target was refused as {@code REFUSED}: final, never sent, counted as outcome "refused". */
    public void recordRefused(UUID deliveryId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            d.attempts++;
            d.status = WebhookDelivery.REFUSED;
            d.lastStatusCode = null;
            d.lastError = reason;
            metrics.countOnCommit("ocop.webhook.deliveries", "outcome", "refused");
        });
    }

    /**
     * Where a delivery goes: the URL and the checked address to connect to; or why it may not be sent ({@code refusal},
     * final) or cannot be now ({@code failure}, retried).
     */
    public record Target(URI uri, InetAddress address, String refusal, String failure) {
        static Target refused(String reason) {
            return new Target(null, null, reason, null);
        }
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

    /**
     * What {@link #resolve} holds against an address: {@link #addressProblem}. One instance method so that a test of the
     * resolver (DnsRebindingTest) can let its receiver on 127.0.0.1 stand for a partner's public server.
     */
    String problemOf(InetAddress address) {
        return addressProblem(address);
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
        if (privateRange) {
            return "is a private address";
        }
        InetAddress embedded = embeddedIpv4(b);
        String inner = embedded == null ? null : addressProblem(embedded);
        return inner == null ? null : "embeds an IPv4 address that " + inner;
    }

    /**
     * The IPv4 address an IPv6 address carries and that a gateway would reach: IPv4-compatible {@code ::a.b.c.d},
     * NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}. (IPv4-mapped {@code ::ffff:a.b.c.d} already comes back from
     * the resolver as the IPv4 address itself.)
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        int from = -1;
        if (java.util.Arrays.equals(b, 0, 12, new byte[12], 0, 12)) {
            from = 12;
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && java.util.Arrays.equals(b, 4, 12, new byte[8], 0, 8)) {
            from = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        }
        if (from < 0) {
            return null;
        }
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            return null;
        }
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
