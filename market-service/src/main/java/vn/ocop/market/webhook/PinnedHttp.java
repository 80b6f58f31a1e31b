package vn.ocop.market.webhook;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs a notification to the address {@link WebhookTargetPolicy#resolve} checked, not to whatever the name resolves
 * to a moment later: the connection goes to that address ({@link RequestOptions#setServer}, no second lookup), while
 * the {@code Host} header and, over https, the TLS server name and the certificate check use the URL's host. Redirects
 * are not followed (a redirect would be an unchecked target); the answer's body is discarded.
 */
@ApplicationScoped
public class PinnedHttp {

    @Inject
    Vertx vertx;

    @Inject
    WebhookConfig config;

    private volatile HttpClient client;

    /**
     * The answer's status code; throws when the target cannot be reached or does not answer within the timeout, and
     * (IllegalArgumentException) when {@code target} carries no checked address.
     */
    public int post(WebhookTargetPolicy.Target target, Map<String, String> headers, byte[] body)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (target.address() == null) {
            // Never look the name up here: a refused or unresolved target has no checked address to go to.
            throw new IllegalArgumentException("not a checked target: "
                    + (target.refusal() != null ? target.refusal() : target.failure()));
        }
        boolean https = "https".equalsIgnoreCase(target.uri().getScheme());
        int port = target.uri().getPort() > 0 ? target.uri().getPort() : https ? 443 : 80;
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(target.uri().getHost().replaceAll("^\\[|]$", ""))
                .setPort(port)
                .setSsl(https)
                .setURI(target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis());
        headers.forEach(request::putHeader);
        long timeout = config.timeout().toMillis();
        return client().request(request)
                .compose(call -> call.send(Buffer.buffer(body)))
                .compose(answer -> answer.end().map(ignored -> answer.statusCode()))
                .toCompletionStage().toCompletableFuture()
                .get(2 * timeout, TimeUnit.MILLISECONDS);
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.timeout().toMillis())
                            .setVerifyHost(true)
                            .setKeepAlive(false));
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
