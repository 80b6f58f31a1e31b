package vn.ocop.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.restassured.RestAssured;

/**
 * A body sent without {@code Content-Length} (HTTP/1.1 chunked transfer), as a streaming client sends a file it has not
 * measured: the service learns its size only while reading it, so this is how a test shows that a limit holds for
 * bodies that do not announce their size. Plain JDK client, against the service under test ({@code RestAssured.port}).
 */
public final class ChunkedUpload {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ChunkedUpload() {
    }

    /** POSTs {@code body} chunked to {@code pathAndQuery}; {@code token} may be null (anonymous). */
    public static HttpResponse<String> post(String pathAndQuery, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code file} chunked as the multipart/form-data part {@code file}, typed {@code fileType}. */
    public static HttpResponse<String> postFilePart(String pathAndQuery, String token, String fileName, String fileType, byte[] file) {
        String boundary = "ocop-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(pathAndQuery, token, "multipart/form-data; boundary=" + boundary, form.toByteArray());
    }
}
