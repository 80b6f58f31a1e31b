package vn.ocop.registry.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * A file out of the row schema is refused whole, in all three forms alike, before anything is queued: the problem names
 * each bad row as its index in the JSON form and the field, and no job, row result or idempotency record is written.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportStrictReadingTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");
    private static final String PRODUCER = "{\"type\":\"producer\",\"externalRef\":\"S-1\",\"name\":\"HTX Tỏi\",\"kind\":\"COOPERATIVE\","
            + "\"taxCode\":\"4300861254\",\"provinceCode\":\"51\",\"communeCode\":\"21548\","
            + "\"representative\":{\"fullName\":\"Trương Thị Hoa\",\"gender\":\"FEMALE\"}}";

    @Inject
    DataSource database;

    private long written;

    @BeforeEach
    void countBefore() {
        written = writtenRows();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(writtenRows()).isEqualTo(written);
    }

    @Test
    void aJsonArrayOutOfTheRowSchemaIsRefusedNamingEveryBadRowAndField() {
        JsonPath problem = refused("application/json", "[" + PRODUCER + ","
                + "{\"type\":\"product\",\"externalRef\":\"S-2\",\"producerRef\":\"S-1\",\"name\":\"Tỏi\\u0007\",\"communeCode\":\"21548\"},"
                + "{\"type\":\"shop\",\"externalRef\":\"S-3\"},"
                + "5,"
                + "{\"type\":\"product\",\"externalRef\":\"S-5\",\"producerRef\":\"S-1\",\"name\":\"Tỏi\",\"productSet\":\"ten\"},"
                + "{\"type\":\"producer\",\"externalRef\":7,\"kind\":\"SPACESHIP\"},"
                + "{\"type\":\"producer\",\"externalRef\":\"S-7\",\"representative\":\"Hoa\"}]");
        assertThat(problem.getList("violations.field")).containsExactly("[1].name", "[2].type", "[3]", "[4].productSet",
                "[5].externalRef", "[6].representative");
        assertThat(problem.getList("violations.message", String.class)).containsExactly("must not contain control characters",
                "must be producer or product", "not a JSON object", "must be a whole number", "must be a string", "must be an object");
        assertThat(problem.getString("detail")).startsWith("6 rows are not import rows");

        JsonPath duplicate = refused("application/json", "[" + PRODUCER + ", {\"type\":\"product\",\"type\":\"product\"}]");
        assertThat(duplicate.getList("violations.field")).containsExactly("[1].type");
        // a value outside an enum is out of the schema too (a wrong commune or tax code is the row's own business)
        assertThat(refused("application/json", "[" + PRODUCER.replace("COOPERATIVE", "SPACESHIP") + "]")
                .getList("violations.field")).containsExactly("[0].kind");
    }

    @Test
    void ndjsonAndCsvFollowTheSameRules() {
        JsonPath ndjson = refused("application/x-ndjson", PRODUCER + "\n{not json\n"
                + "{\"type\":\"product\",\"externalRef\":\"S-2\",\"externalRef\":\"S-3\"}\n{\"externalRef\":\"S-4\"}\n");
        assertThat(ndjson.getList("violations.field")).containsExactly("[1]", "[2].externalRef", "[3].type");

        String header = "type,externalRef,producerRef,name,communeCode,productSet\r\n";
        JsonPath csv = refused("text/csv", header + "product,S-2,S-1,\"Tỏi\tLý Sơn\",21548,10\r\n"
                + "product,S-3,S-1,\"Tỏi\u0001\",21548,10\r\nproduct,S-4,S-1,Tỏi,21548,mười\r\nproduct,S-5\r\n");
        assertThat(csv.getList("violations.field")).containsExactly("[1].name", "[2].productSet", "[3]");
        assertThat(refused("text/csv", "type,externalRef,name,name\r\nproducer,S-1,A,B\r\n").getList("violations.field"))
                .containsExactly("[0].name");
    }

    @Test
    void theListStopsAtTwentyButTheDetailCountsEveryRow() {
        String rows = IntStream.range(0, 25).mapToObj(i -> "{\"type\":\"producer\",\"externalRef\":\"S-" + i + "\",\"stars\":5}")
                .collect(Collectors.joining("\n"));
        JsonPath problem = refused("application/x-ndjson", rows);
        assertThat(problem.getList("violations")).hasSize(20);
        assertThat(problem.getString("detail")).startsWith("25 rows are not import rows");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedBeforeReading() {
        byte[] latin1 = ("[" + PRODUCER.replace("HTX Tỏi", "HTX Lý Sơn") + "]").getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(OFFICER).header("Idempotency-Key", "strict-latin1").contentType("application/json").body(latin1)
                .post("/api/v1/imports").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", startsWith("The body is not valid UTF-8"));
    }

    private static JsonPath refused(String contentType, String body) {
        return given().auth().oauth2(OFFICER).header("Idempotency-Key", "strict-" + System.nanoTime()).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST")).extract().jsonPath();
    }

    /** Jobs, row results and idempotency records: what a queued import (or its retry guard) would leave. */
    private long writtenRows() {
        long total = 0;
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : List.of("import_job", "import_row_result", "idempotency_record")) {
                try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    total += rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return total;
    }
}
