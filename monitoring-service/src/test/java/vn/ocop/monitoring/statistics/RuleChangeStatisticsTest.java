package vn.ocop.monitoring.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.testkit.OcopTestResource;

/**
 * A rule change reaches the register's figures: with the test version of 2150 (testkit
 * {@code test-rules/later-window-from-2150.json}: window 90 to 60 days before the end, configured through
 * {@code ocop.rules.extra-versions}), a certificate issued the day before keeps the 180-to-120-day window and one issued
 * on the day takes the new one, in its own view, in the re-rating-due list and in the statistics' "expiring" count.
 * Both end on the same day; province 92 is used by no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class RuleChangeStatisticsTest {
    private static final String P = "92";
    private static final LocalDate ENDS = LocalDate.of(2153, 12, 31);

    @Inject
    LegalClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void certificatesBeforeAndAfterARuleChangeFollowTheirOwnWindowInTheRegisterAndTheStatistics() {
        CertificateIssued before = issue(endingOn(LocalDate.of(2149, 12, 31)));
        CertificateIssued after = issue(endingOn(LocalDate.of(2150, 1, 1)));

        window(before, ENDS.minusDays(180), ENDS.minusDays(120));
        window(after, ENDS.minusDays(90), ENDS.minusDays(60));

        expect(181, 0);
        reRatingDue();
        expect(180, 1);
        reRatingDue(before.certificateNumber());
        expect(100, 1); // the old window has closed, the new one not opened
        reRatingDue();
        expect(91, 1);
        expect(90, 2);
        reRatingDue(after.certificateNumber());
    }

    private static CertificateIssued endingOn(LocalDate issuedOn) {
        CertificateIssued c = certificate(P, 3, issuedOn);
        return new CertificateIssued(c.certificateId(), c.certificateNumber(), c.productId(), c.productCode(), c.producerId(),
                c.provinceCode(), c.stars(), c.issuedOn(), ENDS, c.criteriaSetVersion(), c.resultId(),
                c.decisionNumber(), c.supersedesCertificateId(), c.issuedAt(), c.migrated());
    }

    private static void window(CertificateIssued c, LocalDate opensOn, LocalDate closesOn) {
        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + c.certificateNumber()).then().statusCode(200)
                .body("reRatingWindowOpensOn", equalTo(opensOn.toString()))
                .body("reRatingWindowClosesOn", equalTo(closesOn.toString()));
    }

    /** Moves the clock to {@code daysBefore} the certificates' end and reads the province's statistics. */
    private void expect(int daysBefore, int expiring) {
        clock.pinTo(ENDS.minusDays(daysBefore));
        given().queryParam("province", P).get("/api/v1/statistics/programme").then().statusCode(200)
                .body("asOf", equalTo(ENDS.minusDays(daysBefore).toString()))
                .body("certificates.active", equalTo(2))
                .body("certificates.expiringWithin180Days", equalTo(expiring));
    }

    private static void reRatingDue(String... numbers) {
        var body = given().auth().oauth2(CENTRAL).queryParam("province", P).queryParam("reRatingDue", "true")
                .get("/api/v1/certificates").then().statusCode(200);
        if (numbers.length == 0) {
            body.body("items", empty());
        } else {
            body.body("items.number", contains((Object[]) numbers));
        }
    }
}
