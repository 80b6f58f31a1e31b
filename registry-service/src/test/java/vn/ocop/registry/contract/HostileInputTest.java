package vn.ocop.registry.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.hostile.HostileInputSuite;

/** No input breaks the registry: every operation of its document gets the shared hostile-input probes. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class HostileInputTest {
    @Inject
    DataSource database;

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationRefusesHostileInputWithAProblemAndWritesNothing() {
        Map<String, Object> document = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        assertThat(HostileInputSuite.probeCount(document)).isGreaterThan(500);
        assertThat(HostileInputSuite.run(document, "localhost", RestAssured.port, database)).isEmpty();
    }
}
