package vn.ocop.evaluation;

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
import vn.ocop.evaluation.certificateimport.CertificateImportJob;
import vn.ocop.testkit.ChunkedUpload;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Criteria sheets and certificate imports hold their own limits (262144 bytes each in tests) whether the length is
 * declared or the file is streamed chunked: one byte over is 413 with the operation's code before anything is read or
 * queued; a file of exactly the limit gets past the limit (and is then judged on its content).
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class UploadLimitTest {
    private static final int LIMIT = 262_144;

    @Test
    void aCriteriaSheetOverItsLimitIsRefusedDeclaredChunkedOrAsAPart() {
        String central = Tokens.centralOfficer();
        byte[] over = csv(LIMIT + 1);
        given().auth().oauth2(central).contentType("text/csv").body(over).post("/api/v1/criteria-set-drafts").then()
                .statusCode(413).body("code", equalTo("SHEET_TOO_LARGE"));
        assertRefused(ChunkedUpload.post("/api/v1/criteria-set-drafts", central, "text/csv", over), "SHEET_TOO_LARGE");
        assertRefused(ChunkedUpload.postFilePart("/api/v1/criteria-set-drafts", central, "bo.csv", "text/csv", over), "SHEET_TOO_LARGE");

        HttpResponse<String> atLimit = ChunkedUpload.post("/api/v1/criteria-set-drafts", central, "text/csv", csv(LIMIT));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(400); // read, and refused for its content only
    }

    @Test
    void aCertificateImportOverItsLimitIsRefusedDeclaredOrChunkedAndNothingIsQueued() {
        String central = Tokens.centralOfficer();
        long jobs = jobs();
        byte[] over = csv(LIMIT + 1);
        given().auth().oauth2(central).contentType("text/csv").body(over).post("/api/v1/certificate-imports").then()
                .statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertRefused(ChunkedUpload.post("/api/v1/certificate-imports", central, "text/csv", over), "PAYLOAD_TOO_LARGE");
        assertThat(jobs()).isEqualTo(jobs);

        HttpResponse<String> atLimit = ChunkedUpload.post("/api/v1/certificate-imports", central, "text/csv", csv(LIMIT));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(202);
        assertThat(jobs()).isEqualTo(jobs + 1);
        // Let the job end, so that it does not delay the import tests that follow.
        String job = atLimit.headers().firstValue("Location").orElseThrow();
        String path = job.substring(job.indexOf("/api/"));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> List.of("COMPLETED", "FAILED")
                .contains(given().auth().oauth2(central).get(path).then().statusCode(200).extract().<String>path("status")));
    }

    /** A CSV of exactly {@code size} bytes: the certificate import's header, then rows whose values are too long. */
    static byte[] csv(int size) {
        StringBuilder text = new StringBuilder("productCode,certificateNumber,stars,level,provinceCode,decisionNumber,"
                + "decidedOn,validUntil,criteriaInstrument,score\n");
        String row = "51-21548-10-2025," + "X".repeat(900) + ",4,PROVINCE,51,1/QĐ-UBND,2024-03-15,,148/QĐ-TTg,70\n";
        while (text.toString().getBytes(StandardCharsets.UTF_8).length + row.getBytes(StandardCharsets.UTF_8).length * 2L < size) {
            text.append(row);
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        int rest = size - head.length - "51-21548-10-2025,,4,PROVINCE,51,1/QD,2024-03-15,,148/QD,70\n".length();
        String last = "51-21548-10-2025," + "Y".repeat(rest) + ",4,PROVINCE,51,1/QD,2024-03-15,,148/QD,70\n";
        byte[] all = (text + last).getBytes(StandardCharsets.UTF_8);
        assertThat(all).hasSize(size);
        return all;
    }

    private static long jobs() {
        return QuarkusTransaction.requiringNew().call(() -> CertificateImportJob.count());
    }

    private static void assertRefused(HttpResponse<String> answer, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"").contains("this operation accepts at most " + LIMIT + " bytes");
    }
}
