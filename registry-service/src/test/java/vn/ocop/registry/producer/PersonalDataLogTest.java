package vn.ocop.registry.producer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Personal data sent in a request that fails (a validation error, a tax code already taken, a stale If-Match, a body
 * that is not JSON) never reaches the log: what the root logger receives, messages and stack traces alike, holds
 * none of the household's contacts, its tax code or its representative's ethnic group.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class PersonalDataLogTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");
    private static final String PHONE = "0977 113 355";
    private static final String EMAIL = "ho.a.lang@example.vn";
    private static final String ADDRESS = "Nhà 12 nóc Làng Rêu";
    private static final String ETHNIC_GROUP = "Ca Dong";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter().append(record.getLoggerName()).append(": ")
                    .append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text.append('\n')));
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void failedRequestsLeaveNoPersonalDataInTheLog() throws Exception {
        String taxCode = randomTaxCode();
        Map<String, Object> household = household(taxCode);
        String id = as(OFFICER).body(household).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        logged.clear();

        Map<String, Object> invalid = new HashMap<>(household);
        invalid.put("taxCode", "12-" + taxCode);
        invalid.put("email", "not an e-mail " + EMAIL);
        as(OFFICER).body(invalid).post("/api/v1/producers").then().statusCode(400);
        as(OFFICER).body(household).post("/api/v1/producers").then().statusCode(409);
        as(OFFICER).header("If-Match", "\"7\"").body(household).put("/api/v1/producers/" + id).then().statusCode(412);
        String broken = new ObjectMapper().writeValueAsString(household).replace("\"phone\"", "phone");
        as(OFFICER).body(broken.getBytes(StandardCharsets.UTF_8)).post("/api/v1/producers").then().statusCode(400);
        given().contentType("application/json").body(household).post("/api/v1/producers").then().statusCode(401);

        assertThat(logged).as("the test captures the log (a refused duplicate is logged)").isNotEmpty();
        for (String line : logged) {
            for (String personal : List.of(PHONE, EMAIL, ADDRESS, ETHNIC_GROUP, taxCode)) {
                assertThat(line).as("a log line holds " + personal).doesNotContain(personal);
            }
        }
    }

    private static Map<String, Object> household(String taxCode) {
        Map<String, Object> body = new HashMap<>(producer("Hộ A Lăng " + UUID.randomUUID(), "51", taxCode));
        body.put("kind", "HOUSEHOLD");
        body.put("phone", PHONE);
        body.put("email", EMAIL);
        body.put("address", ADDRESS);
        body.put("representative", Map.of("fullName", "A Lăng", "gender", "MALE", "ethnicGroup", ETHNIC_GROUP,
                "ethnicMinority", true, "disabled", false));
        return body;
    }
}
