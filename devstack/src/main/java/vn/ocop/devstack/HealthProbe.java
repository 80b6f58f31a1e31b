package vn.ocop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's SmallRye Health endpoint how it is. */
final class HealthProbe {
    /** Outcome of one probe; {@code DOWN} means no HTTP answer at all. */
    enum State { READY, NOT_READY, DOWN }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private HealthProbe() {
    }

    static State ready(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? State.READY : State.NOT_READY;
        } catch (IOException e) {
            return State.DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.DOWN;
        }
    }
}
