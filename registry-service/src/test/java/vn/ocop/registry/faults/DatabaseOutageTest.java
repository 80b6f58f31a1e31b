package vn.ocop.registry.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.TestDatabases;
import vn.ocop.testkit.Tokens;

/**
 * A database outage as a caller meets it: the service's database refuses connections and its open ones are cut (as in
 * a PostgreSQL restart). Requests answer 503 problem+json with Retry-After, never 500, and save nothing; once the
 * database is back, the same write with the same Idempotency-Key succeeds exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class DatabaseOutageTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Test
    void requestsDuringADatabaseOutageGet503WithRetryAfterAndTheSameKeySucceedsOnceAfterwards() throws SQLException {
        String database = databaseName();
        String key = "outage-" + UUID.randomUUID();
        String name = "HTX Nấm Linh Chi " + key.substring(7, 15);
        Map<String, Object> body = producer(name, "51", randomTaxCode());
        try (Connection admin = DriverManager.getConnection(TestDatabases.jdbcUrl("postgres"), TestDatabases.user(),
                TestDatabases.password()); Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database + "\" allow_connections false");
            try {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
                for (int attempt = 0; attempt < 2; attempt++) { // a cut pooled connection, then a refused new one
                    Response write = as(OFFICER).header("Idempotency-Key", key).body(body).post("/api/v1/producers");
                    assertThat(write.statusCode()).as(write.asString()).isEqualTo(503);
                    assertThat(write.contentType()).startsWith("application/problem+json");
                    assertThat(write.jsonPath().getString("code")).isEqualTo("DATABASE_UNAVAILABLE");
                    assertThat(write.header("Retry-After")).isEqualTo("5");
                }
                Response read = given().auth().oauth2(OFFICER).get("/api/v1/producers/" + UUID.randomUUID());
                assertThat(read.statusCode()).as(read.asString()).isEqualTo(503);
                assertThat(read.header("Retry-After")).isNotBlank();
            } finally {
                sql.execute("alter database \"" + database + "\" allow_connections true");
            }
        }

        String[] created = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response retry = as(OFFICER).header("Idempotency-Key", key).body(body).post("/api/v1/producers");
            assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(201);
            created[0] = retry.jsonPath().getString("id");
        });
        // The same key again replays the first answer: one producer, not two.
        as(OFFICER).header("Idempotency-Key", key).body(body).post("/api/v1/producers")
                .then().statusCode(201).body("id", equalTo(created[0]));
        given().auth().oauth2(OFFICER).queryParam("q", name).get("/api/v1/producers")
                .then().statusCode(200).body("total", equalTo(1));
    }

    private static String databaseName() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }
}
