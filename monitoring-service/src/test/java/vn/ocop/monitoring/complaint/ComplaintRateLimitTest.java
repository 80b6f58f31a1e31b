package vn.ocop.monitoring.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.inspection.InspectionTestData;
import vn.ocop.platform.ratelimit.RateLimits;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** The anonymous complaint intake under its rate limit, with limits switched on and small (off in other tests). */
@QuarkusTest
@TestProfile(ComplaintRateLimitTest.SmallBudgets.class)
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ComplaintRateLimitTest {
    static final int COMPLAINTS = 3;

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ocop.rate-limit.enabled", "true",
                    "ocop.rate-limit.complaints.capacity", Integer.toString(COMPLAINTS),
                    "ocop.rate-limit.complaints.period", "1h",
                    // as behind the cluster's ingress: the last address of X-Forwarded-For is the caller's
                    "ocop.rate-limit.client-address-header", "X-Forwarded-For");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aCallerWhoSpentTheBudgetGets429WithRetryAfterAndNothingIsFiledWhileOthersStillFile() {
        ProductRegistered product = InspectionTestData.product("51");
        String address = randomAddress();
        for (int i = 0; i < COMPLAINTS; i++) {
            file(product, address, "Khiếu nại " + i).then().statusCode(201);
        }
        String refused = "Khiếu nại thừa " + UUID.randomUUID();
        Response limited = file(product, address, refused);
        limited.then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("RATE_LIMITED")).body("status", equalTo(429));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).as("Retry-After, seconds until one complaint is refilled (3 an hour)").isBetween(1L, 1200L);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.count("description", refused))).isZero();

        // The proxy in front of the caller adds the caller's address at the end; anything before it is what the caller wrote.
        file(product, "203.0.113.250, " + address, "Giả địa chỉ").then().statusCode(429);
        file(product, address + ", " + randomAddress(), "Người khác, cùng mạng").then().statusCode(201);
        file(product, randomAddress(), "Người khác").then().statusCode(201);
        given().auth().oauth2(Tokens.of("citizen-" + UUID.randomUUID(), "producer").mint())
                .header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("productCode", product.productCode(), "description", "Có tài khoản"))
                .post("/api/v1/complaints").then().statusCode(201);
    }

    @Test
    void twoReplicasOverOneDatabaseSpendOneBudget() {
        RateLimits replicaA = new RateLimits(dataSource);
        RateLimits replicaB = new RateLimits(dataSource);
        String client = "ip:" + randomAddress();
        assertThat(replicaA.spend("complaints", client).allowed()).isTrue();
        assertThat(replicaB.spend("complaints", client).allowed()).isTrue();
        assertThat(replicaA.spend("complaints", client).allowed()).isTrue();
        RateLimits.Verdict fourth = replicaB.spend("complaints", client);
        assertThat(fourth.allowed()).as("the fourth complaint, on the replica that saw only one").isFalse();
        assertThat(fourth.retryAfterSeconds()).isPositive();
        assertThat(replicaA.spend("complaints", "ip:" + randomAddress()).allowed()).isTrue();
    }

    private static Response file(ProductRegistered product, String forwardedFor, String description) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Map.of("productCode", product.productCode(), "description", description))
                .post("/api/v1/complaints");
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
