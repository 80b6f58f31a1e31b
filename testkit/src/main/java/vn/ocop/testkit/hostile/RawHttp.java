package vn.ocop.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that a probe can send what well-behaved clients refuse to: raw control characters
 * and broken percent-encoding in the request line, a body without {@code Content-Type}, a {@code Content-Length} far
 * above the limit without the bytes, invalid UTF-8. One request per connection ({@code Connection: close}).
 */
final class RawHttp {
    /** What the service answered; {@code status} 0 when it closed the connection or went silent (10 s) without one. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends {@code method target}, the headers (each "Name: value") and the body; {@code Content-Length} is added for a
     * body unless {@code headers} already has one (then only as many bytes as the body has are sent).
     */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null && headers.keySet().stream().noneMatch("Content-Length"::equalsIgnoreCase)) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + host + ":" + port, e);
        }
    }

    /** Reads until the answer is complete (by its Content-Length or last chunk), not until the server closes. */
    private static Answer read(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
                if (complete(received.toByteArray())) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset or a timeout after (part of) the answer: judge what arrived
        }
        return parse(received.toByteArray());
    }

    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        if (head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304")) {
            return true;
        }
        int bodyLength = bytes.length - end - 4;
        int length = head.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int lineEnd = head.indexOf("\r\n", length + 2);
            String value = head.substring(length + 17, lineEnd < 0 ? head.length() : lineEnd).trim();
            return bodyLength >= Integer.parseInt(value);
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return text.endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Answer parse(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, Map.of(), "connection closed without an HTTP answer");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = unchunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
