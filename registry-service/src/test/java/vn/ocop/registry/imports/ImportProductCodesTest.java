package vn.ocop.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * An import batch takes its products' codes together (reserved in one statement); the serials still follow one another
 * without a gap, also when some of the batch's products are refused, and the next product registered through the API
 * takes the serial after them.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportProductCodesTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");
    private static final String COMMUNE = "21400";

    @Test
    void serialsOfAnImportFollowOnWithoutGapsWhenRowsAreRefused() {
        String run = Long.toString(System.nanoTime(), 36);
        String ndjson = String.join("\n",
                ImportApiTest.producer(run + "-P1", "HTX Mã " + run, RegistryTestSupport.randomTaxCode(), "51", COMMUNE), // 1
                ImportApiTest.product(run + "-S1", run + "-P1", "Sản phẩm một", COMMUNE),                              // 2
                "{\"type\":\"producer\",\"externalRef\":\"" + run + "-P2\",\"provinceCode\":\"51\",\"communeCode\":\"" // 3 no name
                        + COMMUNE + "\"}",
                ImportApiTest.product(run + "-S2", run + "-P2", "Của cơ sở bị từ chối", COMMUNE),                      // 4 its producer refused
                ImportApiTest.product(run + "-S3", run + "-P1", "Sản phẩm ba", COMMUNE));                              // 5

        JsonPath job = ImportApiTest.runImport(OFFICER, "application/x-ndjson", ndjson);
        assertThat(job.getInt("created")).isEqualTo(3);
        assertThat(job.getInt("failed")).isEqualTo(2);

        List<Map<String, Object>> created = as(OFFICER).queryParam("outcome", "CREATED")
                .get("/api/v1/imports/" + job.getString("id") + "/rows").then().statusCode(200).extract().path("items");
        Map<Integer, String> ids = created.stream().collect(Collectors.toMap(r -> (Integer) r.get("row"), r -> (String) r.get("entityId")));
        int first = serial(as(OFFICER).get("/api/v1/products/" + ids.get(2)).then().statusCode(200).extract().path("code"));
        int third = serial(as(OFFICER).get("/api/v1/products/" + ids.get(5)).then().statusCode(200).extract().path("code"));
        assertThat(third).as("the serial after row 2's, the refused row 4 took none").isEqualTo(first + 1);

        String next = as(OFFICER).body(RegistryTestSupport.product(ids.get(1), "Đăng ký qua API", COMMUNE)).post("/api/v1/products")
                .then().statusCode(201).extract().path("code");
        assertThat(serial(next)).as("the API's next product follows on, no serial left unused").isEqualTo(first + 2);
    }

    /** The serial of a product code province-commune-serial-year. */
    private static int serial(String code) {
        return Integer.parseInt(code.split("-")[2]);
    }
}
