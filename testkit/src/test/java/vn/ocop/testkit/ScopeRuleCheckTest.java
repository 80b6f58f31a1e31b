package vn.ocop.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/** The check must fail a documented rule the answers contradict, or every matrix would agree with any document. */
class ScopeRuleCheckTest {
    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "paths": {
              "/things/{id}": {"get": {"operationId": "getThing", "x-ocop-scope": "HIDDEN",
                "description": "Who may call: x.\\n\\nScope: outside the caller's scope the record answers 404."}},
              "/things/{id}/notes": {"get": {"operationId": "listNotes", "x-ocop-scope": "FORBIDDEN",
                "description": "Scope: outside the caller's scope the call is refused with 403."}},
              "/things/{id}/tags": {"get": {"operationId": "listTags", "x-ocop-scope": "HIDDEN",
                "description": "Scope: outside the caller's scope the record answers 404. Once approved: 403 OUT_OF_SCOPE."}},
              "/things/mine": {"get": {"operationId": "listMine", "x-ocop-scope": "PUBLIC",
                "description": "Scope: public."}}}}
            """;
    private static final String OUT_OF_SCOPE = "{\"status\": 403, \"code\": \"OUT_OF_SCOPE\"}";

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/q/openapi" -> answer(exchange, 200, DOCUMENT);
                // a role refusal: says nothing of scope, whatever the kind
                case "/things/mine" -> answer(exchange, 403, "{\"status\": 403, \"code\": \"FORBIDDEN\"}");
                case "/things/2/tags" -> answer(exchange, 404, "{\"status\": 404, \"code\": \"NOT_FOUND\"}");
                default -> answer(exchange, 403, OUT_OF_SCOPE);
            }
        });
        server.start();
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        RestAssured.reset();
    }

    @Test
    void aRuleTheOutsidersAnswersContradictIsFound() {
        ScopeRuleCheck check = ScopeRuleCheck.watch("outsider");
        for (String path : List.of("/things/1", "/things/1/notes", "/things/1/tags", "/things/2/tags", "/things/mine")) {
            given().auth().oauth2("outsider").get(path);
        }
        given().auth().oauth2("insider").get("/things/2"); // not an outsider: not noted

        List<String> findings = check.disagreements();

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0)).startsWith("getThing is documented HIDDEN but outsiders got [403 OUT_OF_SCOPE]");
        assertThat(RestAssured.filters()).as("the watch has stopped").isEmpty();
    }

    @Test
    void aWatchThatSawNoOutsiderFails() {
        ScopeRuleCheck check = ScopeRuleCheck.watch("outsider");
        given().auth().oauth2("someone else").get("/things/1");

        assertThat(check.disagreements()).singleElement().asString().contains("no answer to an outsider's token");
    }

    @Test
    void aToleratedOperationIsSkipped() {
        ScopeRuleCheck check = ScopeRuleCheck.watch("outsider");
        given().auth().oauth2("outsider").get("/things/1");

        assertThat(check.disagreements("getThing")).isEmpty();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
