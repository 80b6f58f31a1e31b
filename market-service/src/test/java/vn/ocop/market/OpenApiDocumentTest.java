package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;

/** Integrators generate clients from this document: every operation needs an operationId and a tag. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyMarketOperationHasAnOperationIdAndATag() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).body("openapi", equalTo("3.0.3"))
                .body("paths.'/api/v1/listings'.post.operationId", equalTo("createListing"))
                .body("paths.'/api/v1/public/where-to-buy'.get.operationId", equalTo("whereToBuy"))
                .extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("operationId") == null || operation.get("tags") == null) {
                missing.add(method + " " + path);
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(paths).containsKeys("/api/v1/points-of-sale", "/api/v1/channels", "/api/v1/listings/escalations",
                "/api/v1/webhook-deliveries", "/api/v1/sales-reports/aggregates", "/api/v1/promotions");
    }
}
