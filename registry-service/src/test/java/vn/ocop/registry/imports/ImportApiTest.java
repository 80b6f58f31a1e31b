package vn.ocop.registry.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportApiTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Test
    void goodRowsAreWrittenBadRowsAreReportedAndReimportingUpdatesInsteadOfDuplicating() {
        String run = Long.toString(System.nanoTime(), 36);
        String taxA = RegistryTestSupport.randomTaxCode();
        String taxB = RegistryTestSupport.randomTaxCode();
        String ndjson = String.join("\n",
                producer(run + "-P1", "HTX Tỏi Lý Sơn " + run, taxA, "51", "21548"),                        // 1 ok
                producer(run + "-P2", "HTX Mạch nha " + run, taxB, "51", "21400"),                          // 2 ok
                producer(run + "-P3", "HTX Sai xã", RegistryTestSupport.randomTaxCode(), "51", "17278"),    // 3 commune of 40
                producer(run + "-P4", "HTX Trùng mã số thuế", taxA, "51", "21040"),                         // 4 tax code taken
                producer(run + "-P5", "HTX Nghệ An", RegistryTestSupport.randomTaxCode(), "40", "17278"),   // 5 out of scope
                "{\"type\":\"producer\",\"name\":\"Không có mã\"}",                                          // 6 no externalRef
                product(run + "-S1", run + "-P1", "Tỏi Lý Sơn " + run, "21548"),                            // 7 ok
                product(run + "-S2", run + "-P2", "Mạch nha " + run, "21400"),                              // 8 ok
                product(run + "-S3", run + "-P3", "Của HTX lỗi", "21040"),                                  // 9 unknown producerRef
                product(run + "-S4", run + "-P1", "Sai xã", "99999"));                                      // 10 unknown commune

        JsonPath job = runImport(OFFICER, "application/x-ndjson", ndjson);
        assertThat(job.getInt("totalRows")).isEqualTo(10);
        assertThat(job.getInt("processedRows")).isEqualTo(10);
        assertThat(job.getInt("created")).isEqualTo(4);
        assertThat(job.getInt("failed")).isEqualTo(6);

        List<Map<String, Object>> failed = as(OFFICER).queryParam("outcome", "FAILED").queryParam("size", 50)
                .get("/api/v1/imports/" + job.getString("id") + "/rows").then().statusCode(200).extract().path("items");
        Map<Integer, List<String>> fields = failed.stream().collect(Collectors.toMap(r -> (Integer) r.get("row"),
                r -> ((List<Map<String, String>>) r.get("errors")).stream().map(e -> e.get("field")).toList()));
        assertThat(fields).containsOnlyKeys(3, 4, 5, 6, 9, 10);
        assertThat(fields.get(3)).containsExactly("communeCode");
        assertThat(fields.get(4)).containsExactly("taxCode");
        assertThat(fields.get(5)).contains("provinceCode");
        assertThat(fields.get(6)).contains("externalRef");
        assertThat(fields.get(9)).containsExactly("producerRef");
        assertThat(fields.get(10)).containsExactly("communeCode");
        // a row written has no errors: an empty array, as the document says (not null)
        as(OFFICER).queryParam("outcome", "CREATED").get("/api/v1/imports/" + job.getString("id") + "/rows").then()
                .statusCode(200).body("items[0].errors", org.hamcrest.Matchers.empty());

        as(OFFICER).queryParam("size", 200).get("/api/v1/products").then()
                .body("items.name", hasItem("Tỏi Lý Sơn " + run)).body("items.name", org.hamcrest.Matchers.not(hasItem("Sai xã")));
        as(OFFICER).queryParam("q", "HTX Sai xã").get("/api/v1/producers").then().body("total", equalTo(0));

        // The same keys again, the product renamed: it is updated, the producer left alone, no duplicates.
        String again = String.join("\n",
                producer(run + "-P1", "HTX Tỏi Lý Sơn " + run, taxA, "51", "21548"),
                product(run + "-S1", run + "-P1", "Tỏi Lý Sơn cô đơn " + run, "21548"));
        JsonPath second = runImport(OFFICER, "application/x-ndjson", again);
        assertThat(second.getInt("updated")).isEqualTo(1);
        assertThat(second.getInt("unchanged")).isEqualTo(1); // the producer row is as it stood: a no-op
        assertThat(second.getInt("created")).isZero();
        as(OFFICER).queryParam("q", "HTX Tỏi Lý Sơn " + run).get("/api/v1/producers").then().body("total", equalTo(1));
        given().queryParam("q", run).queryParam("province", "51").get("/api/v1/public/products").then()
                .body("items.name", hasItem("Tỏi Lý Sơn cô đơn " + run)).body("total", equalTo(2));
    }

    @Test
    void csvWithNestedColumnsImportsAndAnotherProvincesOfficerCannotReadTheJob() {
        String run = Long.toString(System.nanoTime(), 36);
        String csv = "type,externalRef,producerRef,name,kind,taxCode,provinceCode,communeCode,representative.fullName,representative.gender,productSet\r\n"
                + "producer," + run + "-C1,,\"HTX Gạo, Sóc Trăng\",COOPERATIVE," + RegistryTestSupport.randomTaxCode()
                + ",94,31717,Lâm Thị Mai,FEMALE,\r\n"
                + "product," + run + "-G1," + run + "-C1,Gạo ST25 " + run + ",,,,31717,,,3\r\n";
        JsonPath job = runImport(Tokens.centralOfficer(), "text/csv", csv);
        assertThat(job.getInt("created")).isEqualTo(2);
        assertThat(job.getInt("failed")).isZero();
        given().queryParam("q", "gao st25 " + run).get("/api/v1/public/products").then()
                .body("items[0].provinceCode", equalTo("92")).body("items[0].producerName", equalTo("HTX Gạo, Sóc Trăng"));
        as(Tokens.provinceOfficer("40")).get("/api/v1/imports/" + job.getString("id")).then().statusCode(404);
        as(Tokens.producer(java.util.UUID.randomUUID())).body("x").post("/api/v1/imports").then().statusCode(403);
        given().auth().oauth2(OFFICER).contentType("application/json").body("[1, 2".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void unknownColumnsAreRefusedNamingTheAllowedOnesAndFormerCommunesAreMapped() {
        String run = Long.toString(System.nanoTime(), 36);
        String tax = RegistryTestSupport.randomTaxCode();
        String header = "type,externalRef,producerRef,name,kind,taxCode,provinceCode,communeCode,representative.fullName,representative.gender,productSet";
        String rows = "producer," + run + "-F1,,HTX Bình Thạnh " + run + ",COOPERATIVE," + tax + ",51,21046,Lê Văn Tám,MALE,\r\n"
                + "product," + run + "-F2," + run + "-F1,Nước mắm " + run + ",,,,Xã Bình Chánh,,,10\r\n";
        // A column the import has no place for (stars) refuses the file, naming the row and the allowed columns.
        JsonPath refused = refuse("text/csv", header + ",stars\r\n" + rows.replace("\r\n", ",\r\n")
                + "product," + run + "-F3," + run + "-F1,Tỏi 5 sao " + run + ",,,,21548,,,10,5\r\n");
        assertThat(refused.getString("violations[0].field")).isEqualTo("[2].stars");
        assertThat(refused.getString("violations[0].message")).contains("unknown column").contains("communeCode").contains("productSet");
        assertThat(refused.getList("violations")).hasSize(1);

        // A nested column the producer does not have is refused by its dotted name.
        JsonPath nested = refuse("application/x-ndjson", "{\"type\":\"producer\",\"externalRef\":\"" + run
                + "-F4\",\"name\":\"HTX\",\"kind\":\"COOPERATIVE\",\"taxCode\":\"" + RegistryTestSupport.randomTaxCode()
                + "\",\"provinceCode\":\"51\",\"representative\":{\"fullName\":\"A\",\"gender\":\"MALE\",\"age\":40}}");
        assertThat(nested.getString("violations[0].field")).isEqualTo("[0].representative.age");

        JsonPath job = runImport(OFFICER, "text/csv", header + "\r\n" + rows);
        assertThat(job.getInt("created")).isEqualTo(2);
        assertThat(job.getInt("failed")).isZero();

        // The former commune code and name were mapped to Xã Bình Sơn (21040) and kept.
        String producerId = as(OFFICER).queryParam("q", "HTX Bình Thạnh " + run).get("/api/v1/producers").then()
                .body("items[0].communeCode", equalTo("21040")).body("items[0].legacyCommuneCode", equalTo("21046"))
                .extract().path("items[0].id");
        as(OFFICER).queryParam("producerId", producerId).get("/api/v1/products").then().body("total", equalTo(1))
                .body("items[0].communeCode", equalTo("21040")).body("items[0].legacyCommuneCode", equalTo("Xã Bình Chánh"));
    }

    /** Sends a file the import must refuse whole as malformed; the problem. */
    static JsonPath refuse(String contentType, String body) {
        return given().auth().oauth2(OFFICER).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_REQUEST")).extract().jsonPath();
    }

    static JsonPath runImport(String token, String contentType, String body) {
        String id = given().auth().oauth2(token).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        JsonPath[] last = new JsonPath[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = given().auth().oauth2(token).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            return List.of("COMPLETED", "FAILED").contains(last[0].getString("status"));
        });
        assertThat(last[0].getString("status")).isEqualTo("COMPLETED");
        return last[0];
    }

    static String producer(String ref, String name, String taxCode, String province, String commune) {
        return "{\"type\":\"producer\",\"externalRef\":\"" + ref + "\",\"name\":\"" + name + "\",\"kind\":\"COOPERATIVE\","
                + "\"taxCode\":\"" + taxCode + "\",\"provinceCode\":\"" + province + "\",\"communeCode\":\"" + commune + "\","
                + "\"representative\":{\"fullName\":\"Nguyễn Thị Hoa\",\"gender\":\"FEMALE\"}}";
    }

    static String product(String ref, String producerRef, String name, String commune) {
        return "{\"type\":\"product\",\"externalRef\":\"" + ref + "\",\"producerRef\":\"" + producerRef + "\",\"name\":\""
                + name + "\",\"productSet\":10,\"communeCode\":\"" + commune + "\",\"story\":\"Câu chuyện\"}";
    }
}
