package vn.ocop.monitoring.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.VIETNAM;
import static vn.ocop.monitoring.MonitoringTestSupport.awaitStatus;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.published;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.market.ListingCreated;
import vn.ocop.events.market.ListingSuspended;
import vn.ocop.events.market.PointOfSaleStatusChanged;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.expiry.ExpiryJob;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * "A rebuild from the topics gives the same numbers" (issue #6): a known data set, fed with duplicated and reordered
 * events, plus this service's own revocation and expiry, gives the same statistics before and after the projections
 * are emptied and re-read from the topics. Province 77 is used by no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class RebuildTest {
    static final String P = "77";
    static final String OPS = Tokens.of("ops@ocop.gov.vn", RebuildResource.OPS_ADMIN).mint();

    @Inject
    ExpiryJob expiryJob;

    @Test
    void statisticsAreIdenticalAfterARebuildFromTheTopics() {
        UUID coop = UUID.randomUUID();
        ProducerRegistered coopRegistered = new ProducerRegistered(coop, "HTX Rebuild", "COOPERATIVE", "3700000001", P, null,
                "FEMALE", true, Instant.now());
        String coopEventId = UUID.randomUUID().toString();
        KafkaTestClient.publish(coopRegistered, coopEventId);
        KafkaTestClient.publish(coopRegistered, coopEventId); // redelivered
        publish(coopRegistered); // the same fact under another event id
        UUID enterprise = UUID.randomUUID();
        publish(new ProducerRegistered(enterprise, "Công ty Rebuild", "ENTERPRISE", "3700000002", P, null, "MALE", false,
                Instant.now()));
        UUID garlic = product(coop, 3);
        UUID tea = product(enterprise, 11);
        UUID wine = product(enterprise, 14);

        CertificateIssued garlicCertificate = certificate(garlic, coop, P, 4, today().minusMonths(4), null);
        issue(garlicCertificate);
        publish(garlicCertificate); // duplicate fact, new event id
        // A re-rating's certificate arrives before the one it supersedes.
        CertificateIssued oldTea = certificate(tea, enterprise, P, 3, today().minusMonths(35), null);
        CertificateIssued newTea = certificate(tea, enterprise, P, 4, today().minusDays(3), oldTea.certificateId());
        issue(newTea);
        publish(oldTea);
        awaitStatus(oldTea.certificateNumber(), "SUPERSEDED");
        CertificateIssued wineCertificate = issue(certificate(wine, enterprise, P, 5, today().minusMonths(6), null));
        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON)
                .body(Map.of("certificateNumbers", List.of(wineCertificate.certificateNumber()), "ground", "MARK_MISUSE",
                        "decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-BNNMT",
                        "decidedOn", today().toString(), "findingOn", today().minusDays(2).toString()))
                .post("/api/v1/revocations").then().statusCode(201);
        CertificateIssued old = issue(certificate(UUID.randomUUID(), coop, P, 3, LocalDate.of(1991, 5, 7), null));
        expiryJob.run(Clock.fixed(old.validUntil().plusDays(1).atTime(9, 0).atZone(VIETNAM).toInstant(), VIETNAM));
        awaitStatus(old.certificateNumber(), "EXPIRED");

        Instant t0 = Instant.now().minusSeconds(600);
        UUID listing = UUID.randomUUID();
        ListingCreated created = new ListingCreated(listing, garlic, coop, P, garlicCertificate.certificateId(),
                UUID.randomUUID(), null, "ECOMMERCE_PLATFORM", true, t0);
        String listingEventId = UUID.randomUUID().toString();
        KafkaTestClient.publish(created, listingEventId);
        KafkaTestClient.publish(created, listingEventId);
        UUID teaListing = UUID.randomUUID();
        publish(new ListingSuspended(teaListing, tea, oldTea.certificateId(), UUID.randomUUID(), null, "CERTIFICATE_EXPIRED",
                t0.plusSeconds(60)));
        publish(new ListingCreated(teaListing, tea, enterprise, P, oldTea.certificateId(), UUID.randomUUID(), null,
                "RETAIL_CHAIN", true, t0));
        UUID point = UUID.randomUUID();
        UUID closedPoint = UUID.randomUUID();
        publish(new PointOfSaleStatusChanged(point, "Điểm OCOP 77", P, "TOURIST_SITE", false, "PROPOSED", "APPROVED", t0));
        publish(new PointOfSaleStatusChanged(closedPoint, "Điểm OCOP 77 cũ", P, "POST_OFFICE", false, "APPROVED", "CLOSED",
                t0.plusSeconds(60)));
        publish(new PointOfSaleStatusChanged(closedPoint, "Điểm OCOP 77 cũ", P, "POST_OFFICE", false, "PROPOSED", "APPROVED", t0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", P)
                .get("/api/v1/statistics/programme").then().statusCode(200)
                .body("products.total", equalTo(2))
                .body("producers.registered", equalTo(2))
                .body("producers.withActiveCertificate", equalTo(2))
                .body("certificates.revoked", equalTo(1))
                .body("certificates.expired", equalTo(1))
                .body("certificates.superseded", equalTo(1))
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.actual", equalTo(0.5f))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.actual", equalTo(1)));
        String province = stable("/api/v1/statistics/programme?province=" + P);
        String national = stable("/api/v1/statistics/programme");
        String registrations = stable("/api/v1/statistics/registrations?province=" + P);
        String csv = given().queryParam("province", P).queryParam("format", "csv").get("/api/v1/statistics/programme").asString();
        String revokedBefore = certificateFacts(wineCertificate.certificateNumber());

        given().auth().oauth2(CENTRAL).post("/api/v1/admin/projections/rebuild").then().statusCode(403);
        given().auth().oauth2(OPS).post("/api/v1/admin/projections/rebuild").then().statusCode(200)
                .body("applied", org.hamcrest.Matchers.greaterThan(0))
                .body("readByTopic.'ocop.monitoring.events'", org.hamcrest.Matchers.greaterThan(0));

        assertThat(read("/api/v1/statistics/programme?province=" + P)).isEqualTo(province);
        assertThat(read("/api/v1/statistics/programme")).isEqualTo(national);
        assertThat(read("/api/v1/statistics/registrations?province=" + P)).isEqualTo(registrations);
        assertThat(given().queryParam("province", P).queryParam("format", "csv").get("/api/v1/statistics/programme").asString())
                .isEqualTo(csv);
        assertThat(certificateFacts(wineCertificate.certificateNumber())).isEqualTo(revokedBefore);

        // The expiry job remembers what it announced: the rebuilt register does not make it announce again.
        expiryJob.run(Clock.fixed(old.validUntil().plusDays(2).atTime(9, 0).atZone(VIETNAM).toInstant(), VIETNAM));
        assertThat(published("CertificateExpired", old.certificateNumber(), 0)).hasSize(1);
        // A second rebuild is as good as the first, and the live inbox goes on after it.
        given().auth().oauth2(OPS).post("/api/v1/admin/projections/rebuild").then().statusCode(200);
        assertThat(read("/api/v1/statistics/programme?province=" + P)).isEqualTo(province);
        issue(certificate(product(coop, 3), coop, P, 3, today(), null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", P)
                .get("/api/v1/statistics/programme").then().body("products.total", equalTo(3)));
    }

    private static UUID product(UUID producer, int set) {
        UUID id = UUID.randomUUID();
        publish(new ProductRegistered(id, P + "-26001-" + id.toString().substring(0, 4) + "-2026", "Sản phẩm " + set, set,
                producer, P, "26001", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CENTRAL)
                .get("/api/v1/products/" + id).then().statusCode(200));
        return id;
    }

    private static String certificateFacts(String number) {
        Map<String, Object> view = given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + number).then().statusCode(200)
                .extract().jsonPath().getMap("");
        view.remove("updatedAt");
        view.remove("version");
        return new java.util.TreeMap<>(view).toString();
    }

    private static String read(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    /** The body once two reads a second apart agree (events of earlier tests may still be landing). */
    private static String stable(String path) {
        String[] last = {read(path)};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String now = read(path);
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }
}
