import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load for the bench scripts: CLIENTS threads each send one request at a time for SECONDS, and the
 * latencies of all requests answered with the expected status are reported on one line:
 * {@code req/s p50 p95 p99 (ms) ok failed}.
 * <ul>
 * <li>{@code GET URL CLIENTS SECONDS QUERY...}: GET URL?q=QUERY, queries taken in turn, expects 200;</li>
 * <li>{@code POST URL CLIENTS SECONDS TOKEN BODY_FILE}: POSTs the JSON body with the bearer token, every {@code {n}} in it
 * replaced by a number unique in this run (tax codes, names), expects 201.</li>
 * </ul>
 */
public class HttpLoad {
    public static void main(String[] args) throws Exception {
        String method = args[0];
        String url = args[1];
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        List<String> rest = List.of(args).subList(4, args.length);
        boolean post = method.equals("POST");
        String token = post ? rest.get(0) : null;
        String body = post ? Files.readString(Path.of(rest.get(1))) : null;
        AtomicLong serial = new AtomicLong(100_000_000L + System.currentTimeMillis() % 800_000 * 1_000); // 9 digits
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    HttpRequest request = post
                            ? HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            body.replace("{n}", String.valueOf(serial.incrementAndGet()))))
                                    .build()
                            : HttpRequest.newBuilder(URI.create(url + "?q="
                                    + URLEncoder.encode(rest.get(i % rest.size()), StandardCharsets.UTF_8))).build();
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == (post ? 201 : 200)) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%.1f %.1f %.1f %.1f %d %d%n", sorted.size() / (double) seconds, p(sorted, 50) / 1e6,
                p(sorted, 95) / 1e6, p(sorted, 99) / 1e6, sorted.size(), failures.get());
    }

    static long p(List<Long> sorted, int percentile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
