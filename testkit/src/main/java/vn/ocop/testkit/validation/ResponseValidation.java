package vn.ocop.testkit.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every response a test receives through REST Assured against the OpenAPI document of the service that gave
 * it ({@code /q/openapi} of the same scheme, host and port, fetched once per origin), and fails the call with an
 * {@link AssertionError} listing each mismatch. Only responses are judged: tests send invalid requests on purpose.
 * Installed for every {@code @QuarkusTest} by {@link QuarkusValidationCallback} and for the e2e stack by
 * {@link #install()}; {@code /q/*} (health, metrics, the document itself) and origins that serve no document (a
 * webhook receiver) are not judged.
 */
public final class ResponseValidation implements OrderedFilter {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, Optional<ContractDocument>> DOCUMENTS = new ConcurrentHashMap<>();

    /**
     * {@code OCOP_RESPONSE_MISMATCHES=<file>}: append mismatches to that file instead of failing, to see every mismatch
     * of a whole suite in one run while correcting a document. Never set in the build.
     */
    private static final String REPORT_ONLY = System.getenv("OCOP_RESPONSE_MISMATCHES");

    private ResponseValidation() {
    }

    private static synchronized void appendToReport(String report) {
        try {
            Files.writeString(Path.of(REPORT_ONLY), report + "\n\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the check to REST Assured's global filters of this class loader, once. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(filter -> filter instanceof ResponseValidation)) {
            RestAssured.filters(new ResponseValidation());
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // first in the chain, so it judges the response exactly as the server sent it
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("/q/")) {
            return response;
        }
        Optional<ContractDocument> document = DOCUMENTS.computeIfAbsent(uri.getScheme() + "://" + uri.getRawAuthority(),
                ResponseValidation::load);
        if (document.isEmpty()) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        List<String> mismatches = document.get().mismatches(request.getMethod(), path, response.getStatusCode(),
                response.getContentType(), headers, response.asByteArray());
        if (!mismatches.isEmpty()) {
            String body = response.asString();
            String report = ("The response to " + request.getMethod() + " " + path + " (" + response.getStatusCode()
                    + ") contradicts the service's OpenAPI document:\n  " + String.join("\n  ", mismatches)
                    + "\nbody: " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
            if (REPORT_ONLY != null) {
                appendToReport(report);
            } else {
                throw new AssertionError(report);
            }
        }
        return response;
    }

    private static Optional<ContractDocument> load(String origin) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200 || !answer.body().contains("\"openapi\"")) {
                return Optional.empty();
            }
            return Optional.of(ContractDocument.of(answer.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
