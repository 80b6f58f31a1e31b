import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * Each client keeps one HTTP/1.1 connection and speaks the protocol over a plain blocking socket: the load shares the
 * two cores with the system it measures, and the JDK's asynchronous HttpClient cost about as much CPU per request as
 * the service it called (2.5–2.9 ms), where pgbench, the limit beside it, is a lean C client.
 */
public class HttpLoad {
    public static void main(String[] args) throws Exception {
        String method = args[0];
        URI url = URI.create(args[1]);
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        List<String> rest = List.of(args).subList(4, args.length);
        boolean post = method.equals("POST");
        String token = post ? rest.get(0) : null;
        String body = post ? Files.readString(Path.of(rest.get(1))) : null;
        AtomicLong serial = new AtomicLong(100_000_000L + System.currentTimeMillis() % 800_000 * 1_000); // 9 digits
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                Connection connection = null;
                for (int i = offset; System.nanoTime() < end; i++) {
                    byte[] request = post
                            ? request("POST", url.getRawPath(), url, "Authorization: Bearer " + token
                                    + "\r\nContent-Type: application/json\r\n",
                                    body.replace("{n}", String.valueOf(serial.incrementAndGet())))
                            : request("GET", url.getRawPath() + "?q=" + URLEncoder.encode(rest.get(i % rest.size()),
                                    StandardCharsets.UTF_8), url, "", null);
                    long start = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(url);
                        }
                        int status = connection.exchange(request);
                        if (status == (post ? 201 : 200)) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            failures.incrementAndGet();
                        }
                        if (connection.closed) {
                            connection = null;
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
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
        System.out.printf(Locale.ROOT, "%.1f %.1f %.1f %.1f %d %d%n", sorted.size() / (double) seconds,
                p(sorted, 50) / 1e6, p(sorted, 95) / 1e6, p(sorted, 99) / 1e6, sorted.size(), failures.get());
    }

    static byte[] request(String method, String target, URI url, String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAccept: application/json\r\n" + headers
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + content.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    static long p(List<Long> sorted, int percentile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /** One keep-alive HTTP/1.1 connection: a request out, its whole response (length-delimited or chunked) in. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        boolean closed;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        /** @return the response's status; its body is read and dropped */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closed = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) { // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                closed = true; // delimited by the end of the connection
                while (in.read() >= 0) {
                }
            }
            if (closed) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed mid-response");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        private void skip(long n) throws IOException {
            for (long left = n; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that failed: nothing left to do
            }
        }
    }
}
