package vn.ocop.testkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

/** The judge must fail what contradicts a document, or the response validation of every test would pass silently. */
class ContractDocumentTest {
    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: sample, version: '1'}
            servers: [{url: 'http://localhost:8081'}]
            paths:
              /api/v1/things/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: the thing
                      content:
                        application/json: {schema: {$ref: '#/components/schemas/Thing'}}
                    '404':
                      description: unknown
                      content:
                        application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
              /api/v1/things/{id}/document:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: the PDF
                      content:
                        application/pdf: {schema: {type: string, format: binary}}
            components:
              schemas:
                LocalDate: {type: string, format: date}
                Status: {type: string, enum: [ACTIVE, REVOKED]}
                Thing:
                  type: object
                  required: [id, name, status, validUntil]
                  properties:
                    id: {type: string}
                    name: {type: string}
                    status: {$ref: '#/components/schemas/Status'}
                    validUntil: {type: string, nullable: true, allOf: [{$ref: '#/components/schemas/LocalDate'}]}
                    owner: {nullable: true, allOf: [{$ref: '#/components/schemas/Owner'}]}
                Owner:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Problem:
                  type: object
                  required: [status, code]
                  properties:
                    status: {type: integer}
                    code: {type: string}
            """;
    private static final ContractDocument CONTRACT = ContractDocument.of(asJson(DOCUMENT));

    private static String asJson(String yaml) {
        try {
            return new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> json(int status, String contentType, String body) {
        return CONTRACT.mismatches("GET", "/api/v1/things/7", status, contentType, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aResponseAsDocumentedPasses() {
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":\"2029-03-15\"}"))
                .isEmpty();
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":null}"))
                .as("null where the property is nullable").isEmpty();
        assertThat(json(404, "application/problem+json", "{\"status\":404,\"code\":\"NOT_FOUND\"}")).isEmpty();
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":null,"
                + "\"owner\":{\"name\":\"HTX Lý Sơn\"}}")).as("a nullable reference, present").isEmpty();
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":null,"
                + "\"owner\":null}")).as("a nullable reference, null").isEmpty();
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":null,"
                + "\"owner\":{}}")).as("a nullable reference is still judged by its schema")
                .singleElement().asString().contains("name");
    }

    @Test
    void aRequiredPropertyMissingFromTheResponseFails() {
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"status\":\"ACTIVE\",\"validUntil\":null}"))
                .singleElement().asString().contains("required").contains("name");
    }

    @Test
    void nullWhereTheDocumentDoesNotAllowItFails() {
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":null,\"status\":\"ACTIVE\",\"validUntil\":null}"))
                .singleElement().asString().contains("/name");
    }

    @Test
    void aPropertyTheDocumentDoesNotNameFails() {
        assertThat(json(200, "application/json",
                "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":null,\"secret\":1}"))
                .singleElement().asString().contains("secret");
    }

    @Test
    void aValueOutsideTheEnumOrFormatFails() {
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"LOST\",\"validUntil\":null}"))
                .singleElement().asString().contains("LOST");
        assertThat(json(200, "application/json", "{\"id\":\"7\",\"name\":\"Tỏi\",\"status\":\"ACTIVE\",\"validUntil\":\"--04-30\"}"))
                .singleElement().asString().contains("--04-30");
    }

    @Test
    void anUndocumentedStatusOrContentTypeFails() {
        assertThat(json(409, "application/problem+json", "{\"status\":409,\"code\":\"CONFLICT\"}"))
                .singleElement().asString().contains("status.unknown");
        assertThat(json(404, "application/json", "{\"status\":404,\"code\":\"NOT_FOUND\"}"))
                .singleElement().asString().contains("contentType");
        assertThat(json(404, "application/problem+json", "{\"status\":404}"))
                .as("problem documents are judged like any other body")
                .singleElement().asString().contains("code");
    }

    @Test
    void otherBodiesAreJudgedByStatusAndContentType() {
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        assertThat(CONTRACT.mismatches("GET", "/api/v1/things/7/document", 200, "application/pdf", Map.of(), pdf)).isEmpty();
        assertThat(CONTRACT.mismatches("GET", "/api/v1/things/7/document", 200, "text/html", Map.of(), pdf))
                .singleElement().asString().contains("contentType");
        assertThat(CONTRACT.mismatches("GET", "/api/v1/things/7/document", 200, "application/pdf", Map.of(), new byte[0]))
                .singleElement().asString().contains("body.missing");
    }

    @Test
    void anOperationTheDocumentDoesNotHaveFails() {
        assertThat(CONTRACT.mismatches("DELETE", "/api/v1/things/7", 204, null, Map.of(), null))
                .singleElement().asString().contains("no operation DELETE");
        assertThat(CONTRACT.mismatches("GET", "/api/v1/nothing", 404, "application/problem+json", Map.of(),
                "{\"status\":404,\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8)))
                .as("an unknown route answered 404 by the framework").isEmpty();
    }
}
