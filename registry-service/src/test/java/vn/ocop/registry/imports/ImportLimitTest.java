package vn.ocop.registry.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.testkit.ChunkedUpload;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Bulk imports and commune lists have their own limit (ocop.registry.imports.max-bytes, 1 MiB in tests), above the
 * 512 KiB of other JSON bodies: one byte over is 413 PAYLOAD_TOO_LARGE whether the length is declared or the file is
 * streamed chunked, and no job is queued; a file of exactly the limit is queued.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportLimitTest {
    private static final int LIMIT = 1024 * 1024;
    /** A province the other import tests do not use: its queue runs these jobs without delaying theirs. */
    private static final String PROVINCE = "96";

    @Test
    void anImportOverItsLimitIsRefusedDeclaredOrChunkedAndNothingIsQueued() {
        String officer = Tokens.provinceOfficer(PROVINCE);
        long jobs = jobs();
        byte[] over = csv(LIMIT + 1);
        given().auth().oauth2(officer).contentType("text/csv").body(over).post("/api/v1/imports").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        HttpResponse<String> chunked = ChunkedUpload.post("/api/v1/imports", officer, "text/csv", over);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("accepts at most " + LIMIT + " bytes");
        given().auth().oauth2(Tokens.centralOfficer()).contentType("text/csv").body(over).post("/api/v1/communes").then()
                .statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(jobs()).isEqualTo(jobs);

        HttpResponse<String> atLimit = ChunkedUpload.post("/api/v1/imports", officer, "text/csv", csv(LIMIT));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(202);
        assertThat(jobs()).isEqualTo(jobs + 1);
        awaitEnd(officer, atLimit.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aJsonArrayImportMayExceedTheJsonLimitUpToTheImportLimit() {
        StringBuilder array = new StringBuilder("[");
        while (array.length() < 600 * 1024) {
            array.append("{\"type\":\"producer\",\"externalRef\":\"LIMIT-").append(array.length())
                    .append("\",\"name\":\"").append("Hợp tác xã ".repeat(4000)).append("\"},");
        }
        array.setCharAt(array.length() - 1, ']');
        String officer = Tokens.provinceOfficer(PROVINCE);
        String job = given().auth().oauth2(officer).contentType(ContentType.JSON).body(array.toString())
                .post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        awaitEnd(officer, job);
    }

    /** Lets the job finish, so that it does not hold its province's queue for the tests that follow. */
    private static void awaitEnd(String token, String location) {
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> List.of("COMPLETED", "FAILED")
                .contains(given().auth().oauth2(token).get(path).then().statusCode(200).extract().<String>path("status")));
    }

    /** A CSV of exactly {@code size} bytes: producer rows whose names are far too long, so that each row fails fast. */
    static byte[] csv(int size) {
        String header = "type,externalRef,name\n";
        StringBuilder text = new StringBuilder(header);
        int row = 0;
        while (text.length() + 2 * 50_100 < size) {
            text.append("producer,LIM-").append(row++).append(',').append("N".repeat(50_000)).append('\n');
        }
        String lastStart = "producer,LIM-last,";
        int rest = size - text.length() - lastStart.length() - 1;
        text.append(lastStart).append("N".repeat(rest)).append('\n');
        byte[] all = text.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(all).hasSize(size);
        return all;
    }

    private static long jobs() {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
    }
}
