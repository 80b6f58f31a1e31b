package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.e2e.ProvincialRound.PROVINCE;
import static vn.ocop.e2e.ProvincialRound.TODAY;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * Issue #4 end to end: a dossier accepted in the registry reaches evaluation by itself, a provincial council of several
 * members scores it, the result is recognised by the province, and the certificate's stars come back to the registry's
 * product read, its public catalogue and its anonymous certificate verification. REST only; the services talk through
 * the broker. The round's steps (and their checks) live in {@link ProvincialRound}, shared with later scenarios.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvincialRoundE2ETest {

    private ProvincialRound round;

    @BeforeAll
    void useSharedStack() {
        round = new ProvincialRound(SharedStack.stack());
    }

    @Test
    void aProvincialRoundTakesAnAcceptedDossierToAFourStarCertificateThatTheRegistryShows() {
        // Registry: dossier filed, reviewed by the commune, accepted by the province.
        String productName = "Tỏi Lý Sơn " + UUID.randomUUID().toString().substring(0, 6);
        ProvincialRound.Dossier dossier = round.acceptedDossier(productName);
        String productId = dossier.productId();
        String productCode = dossier.productCode();

        // Evaluation: the council scores 76, 74, 75 → 4★; the province recognises it.
        String resultId = round.fourStarResult(dossier);
        String certificateNumber = round.recognise(dossier, resultId).certificateNumber();

        // --- Registry: ProductRated and CertificateIssued arrive by themselves; the product read shows the 4 stars.
        JsonPath registered = round.awaitRegistryProduct(productId, certificateNumber);
        assertThat(registered.getString("certification.status")).isEqualTo("ACTIVE");
        assertThat(registered.getInt("certification.stars")).isEqualTo(4);
        assertThat(registered.getString("certification.issuedOn")).isEqualTo(TODAY.toString());
        assertThat(registered.getString("certification.validUntil")).isEqualTo(TODAY.plusMonths(36).toString());
        assertThat(new BigDecimal(registered.getString("certification.lastScore"))).isEqualByComparingTo("75.00");
        assertThat(registered.getInt("certification.lastRatedStars")).isEqualTo(4);

        // Anyone can check the number printed on the label, and the public catalogue shows the stars.
        given().get(round.registry("/public/certificates/") + certificateNumber).then().statusCode(200)
                .body("certificateNumber", equalTo(certificateNumber))
                .body("status", equalTo("VALID"))
                .body("stars", equalTo(4))
                .body("productId", equalTo(productId))
                .body("productCode", equalTo(productCode))
                .body("productName", equalTo(productName))
                .body("provinceCode", equalTo(PROVINCE))
                .body("validUntil", equalTo(TODAY.plusMonths(36).toString()));
        given().get(round.registry("/public/products/") + productId).then().statusCode(200)
                .body("certification.stars", equalTo(4)).body("certification.certificateNumber", equalTo(certificateNumber));
    }
}
