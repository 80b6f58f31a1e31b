package vn.ocop.evaluation.certificateimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.certificateimport.CertificateImportTest.HEADER;
import static vn.ocop.evaluation.certificateimport.CertificateImportTest.importFile;
import static vn.ocop.evaluation.certificateimport.CertificateImportTest.number;
import static vn.ocop.evaluation.certificateimport.CertificateImportTest.product;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * A configured rules version reaches the import: with the test version of 2150 (testkit
 * {@code test-rules/later-window-from-2150.json}, 48 months of validity, set by {@code ocop.rules.extra-versions}), a
 * certificate brought in without an end date runs 36 months when decided the day before and 48 when decided on the day.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class RuleChangeImportTest {

    @Inject
    LegalClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCertificateWithoutEndDateTakesTheValidityOfTheRulesInForceOnItsDecision() {
        String central = Tokens.centralOfficer();
        ProductRegistered before = product("51");
        ProductRegistered after = product("51");
        String beforeNumber = number("GCN-OCOP");
        String afterNumber = number("GCN-OCOP");
        clock.pinTo(LocalDate.of(2150, 6, 1));

        JsonPath job = importFile(central, "text/csv", HEADER
                + before.productCode() + "," + beforeNumber + ",3,PROVINCE,51,1/QĐ-UBND,2149-12-31,,26/2026/QĐ-TTg,,\n"
                + after.productCode() + "," + afterNumber + ",3,PROVINCE,51,2/QĐ-UBND,2150-01-01,,26/2026/QĐ-TTg,,\n");

        assertThat(job.getInt("created")).isEqualTo(2);
        as(central).queryParam("number", beforeNumber).get("/api/v1/certificates").then().statusCode(200)
                .body("items[0].validUntil", equalTo("2152-12-31"));
        as(central).queryParam("number", afterNumber).get("/api/v1/certificates").then().statusCode(200)
                .body("items[0].validUntil", equalTo("2154-01-01"));
    }
}
