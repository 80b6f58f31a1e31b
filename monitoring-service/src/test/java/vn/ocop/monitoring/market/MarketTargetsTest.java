package vn.ocop.monitoring.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.market.ListingCreated;
import vn.ocop.events.market.ListingReinstated;
import vn.ocop.events.market.ListingSuspended;
import vn.ocop.events.market.PointOfSaleStatusChanged;
import vn.ocop.testkit.OcopTestResource;

/**
 * The two market targets of QĐ 919 (OCOP.md §6) from market's events on the real broker, some of them arriving out of
 * order: producers with an active listing on a modern channel, and provinces with an approved point of sale.
 * Province 75 is used by no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class MarketTargetsTest {
    static final String P = "75";

    @Test
    void modernChannelShareAndApprovedPointsCountOnlyWhatIsStillOnSale() {
        Instant t0 = Instant.now().minusSeconds(3600);
        CertificateIssued a = issue(certificate(P, 3, today().minusMonths(2)));
        CertificateIssued b = issue(certificate(P, 4, today().minusMonths(2)));
        CertificateIssued c = issue(certificate(P, 3, today().minusMonths(2)));
        CertificateIssued d = issue(certificate(P, 4, today().minusMonths(2)));

        // A: on an e-commerce platform. B: in an approved supermarket point. Both count.
        publish(listing(a, UUID.randomUUID(), null, "ECOMMERCE_PLATFORM", true, t0));
        UUID supermarket = UUID.randomUUID();
        publish(point(supermarket, "MALL_SUPERMARKET_MARKET", "PROPOSED", "APPROVED", t0));
        publish(listing(b, null, supermarket, "MALL_SUPERMARKET_MARKET", true, t0.plusSeconds(10)));
        // C: in a supermarket point that closed; the closure arrives before the approval and still wins.
        UUID closed = UUID.randomUUID();
        publish(point(closed, "MALL_SUPERMARKET_MARKET", "APPROVED", "CLOSED", t0.plusSeconds(60)));
        publish(point(closed, "MALL_SUPERMARKET_MARKET", "PROPOSED", "APPROVED", t0));
        publish(listing(c, null, closed, "MALL_SUPERMARKET_MARKET", true, t0.plusSeconds(10)));
        // D: its channel listing was suspended (the suspension arrives first), and a bus station is not modern.
        UUID suspendedListing = UUID.randomUUID();
        publish(new ListingSuspended(suspendedListing, d.productId(), d.certificateId(), UUID.randomUUID(), null,
                "CERTIFICATE_REVOKED", t0.plusSeconds(30)));
        publish(new ListingCreated(suspendedListing, d.productId(), d.producerId(), P, d.certificateId(), UUID.randomUUID(),
                null, "RETAIL_CHAIN", true, t0));
        UUID busStation = UUID.randomUUID();
        publish(point(busStation, "TRANSPORT_TERMINAL", "PROPOSED", "APPROVED", t0));
        publish(listing(d, null, busStation, "TRANSPORT_TERMINAL", false, t0.plusSeconds(10)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", P)
                .get("/api/v1/statistics/programme").then().statusCode(200)
                .body("producers.withActiveCertificate", equalTo(4))
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.actual", equalTo(0.5f))
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.target", equalTo(0.5f))
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.status", equalTo("MET"))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.actual", equalTo(2))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.status", equalTo("MET")));
        given().get("/api/v1/statistics/programme").then().statusCode(200)
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.target", equalTo(34))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.actual", greaterThanOrEqualTo(1));

        // The supermarket point is suspended and the suspended listing reinstated: B drops out, D comes in.
        publish(point(supermarket, "MALL_SUPERMARKET_MARKET", "APPROVED", "SUSPENDED", t0.plusSeconds(120)));
        publish(new ListingReinstated(suspendedListing, d.productId(), UUID.randomUUID(), t0.plusSeconds(120)));
        publish(point(busStation, "TRANSPORT_TERMINAL", "APPROVED", "CLOSED", t0.plusSeconds(120)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", P)
                .get("/api/v1/statistics/programme").then().statusCode(200)
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.actual", equalTo(0.5f))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.actual", equalTo(0))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.status", equalTo("NOT_MET")));
        // A second modern listing of the same producer does not count it twice; a stale reinstatement changes nothing.
        publish(listing(a, UUID.randomUUID(), null, "RETAIL_CHAIN", true, t0.plusSeconds(200)));
        publish(new ListingReinstated(suspendedListing, d.productId(), UUID.randomUUID(), t0.plusSeconds(5)));
        publish(listing(b, UUID.randomUUID(), null, "ECOMMERCE_PLATFORM", true, t0.plusSeconds(200)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", P)
                .get("/api/v1/statistics/programme").then().statusCode(200)
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.actual", equalTo(0.75f)));
    }

    static ListingCreated listing(CertificateIssued certificate, UUID channel, UUID point, String kind, boolean modern, Instant at) {
        return new ListingCreated(UUID.randomUUID(), certificate.productId(), certificate.producerId(), certificate.provinceCode(),
                certificate.certificateId(), channel, point, kind, modern, at);
    }

    static PointOfSaleStatusChanged point(UUID id, String category, String from, String to, Instant at) {
        return new PointOfSaleStatusChanged(id, "Điểm OCOP " + id.toString().substring(0, 4), P, category,
                "MALL_SUPERMARKET_MARKET".equals(category), from, to, at);
    }
}
