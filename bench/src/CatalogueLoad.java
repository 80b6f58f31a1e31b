import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load for bench/catalogue-search.sh: CLIENTS threads each send GET URL?q=QUERY (queries taken in turn)
 * for SECONDS, one request at a time, and the latencies of all successful requests are reported.
 * Usage: java CatalogueLoad.java URL CLIENTS SECONDS QUERY...
 */
public class CatalogueLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        List<String> queries = List.of(args).subList(3, args.length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    String q = URLEncoder.encode(queries.get(i % queries.size()), StandardCharsets.UTF_8);
                    long start = System.nanoTime();
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(url + "?q=" + q)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
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
