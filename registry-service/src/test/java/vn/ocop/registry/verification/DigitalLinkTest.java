package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.verification.VerificationFixtures.Certified;
import vn.ocop.testkit.OcopTestResource;

/** The GS1 Digital Link resolver: a pack's GTIN answers with the standing of the product's current certificate. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class DigitalLinkTest {

    @Test
    void aValidCertificateAnswers200AsJsonForMachinesAndAsThePageForPeople() {
        Certified product = VerificationFixtures.valid("Gạo ST25");
        // The GTIN-14 form and the GTIN-13 printed under the barcode name the same trade item.
        for (String gtin : List.of(product.gtin14(), product.gtin())) {
            given().accept("application/json").get("/01/" + gtin).then().statusCode(200).contentType("application/json")
                    .header("Link", containsString("/c/" + product.number()))
                    .body("gtin", equalTo(product.gtin14())).body("certificate.status", equalTo("VALID"))
                    .body("certificate.certificateNumber", equalTo(product.number()))
                    .body("certificationInfo", equalTo(product.pageUrl()));
        }
        given().accept("application/json").get("/01/" + product.gtin14() + "/10/L2026-03").then().statusCode(200)
                .body("lot", equalTo("L2026-03")).body("certificate.status", equalTo("VALID"));

        String page = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/01/" + product.gtin14())
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("CÒN HIỆU LỰC", "Gạo ST25");
    }

    @Test
    void revokedAndExpiredCertificatesAnswer410GoneWithTheDateAndGround() {
        Certified revoked = VerificationFixtures.revoked("Chè Tân Cương");
        given().accept("application/json").get("/01/" + revoked.gtin()).then().statusCode(410)
                .body("certificate.status", equalTo("REVOKED"))
                .body("certificate.revocationGround", equalTo(VerificationFixtures.GROUND))
                .body("certificate.revokedOn", equalTo(VerificationFixtures.TODAY.minusDays(3).toString()));
        String page = given().accept("text/html").get("/01/" + revoked.gtin()).then().statusCode(410)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("ĐÃ BỊ THU HỒI", VerificationFixtures.GROUND);

        Certified expired = VerificationFixtures.expired("Bưởi Diễn");
        JsonPath answer = given().accept("application/json").get("/01/" + expired.gtin()).then().statusCode(410)
                .extract().jsonPath();
        assertThat(answer.getString("certificate.status")).isEqualTo("EXPIRED");
        assertThat(answer.getString("certificate.validUntil")).isNotNull();
    }

    @Test
    void linkTypeAllGivesTheLinksetWithTheCertificationInfoLink() {
        Certified product = VerificationFixtures.valid("Nấm linh chi");
        JsonPath linkset = given().queryParam("linkType", "all").get("/01/" + product.gtin()).then().statusCode(200)
                .contentType("application/linkset+json").extract().jsonPath();
        Map<String, Object> context = linkset.getMap("linkset[0]");
        assertThat(context.get("anchor")).isEqualTo(VerificationFixtures.BASE_URL + "/01/" + product.gtin14());
        assertThat(linkset.getString("linkset[0].'https://gs1.org/voc/certificationInfo'[0].href")).isEqualTo(product.pageUrl());
        assertThat(linkset.getString("linkset[0].'https://gs1.org/voc/defaultLink'[0].href")).isEqualTo(product.pageUrl());
        // The linkset is also what its media type asks for.
        given().accept("application/linkset+json").get("/01/" + product.gtin()).then().statusCode(200)
                .contentType("application/linkset+json");
    }

    @Test
    void badCheckDigitsAreRejectedAndUnknownGtinsAreNotFound() {
        String gtin = VerificationFixtures.randomGtin13();
        String wrongCheck = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);
        for (String bad : List.of(wrongCheck, "12345", "89360451234x4")) {
            given().accept("application/json").get("/01/" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_GTIN"));
        }
        given().accept("application/json").get("/01/" + gtin).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("GTIN_NOT_FOUND"));
        assertThat(given().accept("text/html").get("/01/" + gtin).then().statusCode(404).contentType("text/html")
                .extract().asString()).contains("KHÔNG TÌM THẤY");
    }
}
