package vn.ocop.monitoring.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import vn.ocop.testkit.OcopTestResource;

/** JSON bodies have their own limit (512 KiB), far below the upload limit, whether their length is declared or not. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ComplaintBodyLimitTest {

    @Test
    void aJsonBodyOverItsLimitIs413ProblemWithOrWithoutContentLengthAndFilesNothing() throws Exception {
        String marker = "quá-lớn-" + System.nanoTime();
        String body = "{\"productCode\":\"51-21040-x-2026\",\"description\":\"" + marker + "x".repeat(600 * 1024) + "\"}";

        given().contentType(ContentType.JSON).body(body).post("/api/v1/complaints").then().statusCode(413)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("PAYLOAD_TOO_LARGE"));

        // No Content-Length: HTTP/1.1 chunked transfer, counted as it is read.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.count("description like ?1", marker + "%"))).isZero();
    }
}
