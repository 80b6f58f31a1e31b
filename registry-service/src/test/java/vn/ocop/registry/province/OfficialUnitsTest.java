package vn.ocop.registry.province;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** The official unit list (V11, from the 2025 resolutions) and former communes accepted where a commune is taken. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class OfficialUnitsTest {

    @Test
    void theOfficialListHas34ProvincesAnd3321CommunesOfEachKind() {
        List<String> provinces = given().get("/api/v1/provinces").then().statusCode(200).extract().path("code");
        assertThat(provinces).hasSize(34);
        Map<String, Integer> totals = new HashMap<>();
        for (String province : provinces) {
            for (String kind : List.of("", "COMMUNE", "WARD", "SPECIAL_ZONE")) {
                int total = given().queryParam("size", 1).queryParam("kind", kind.isEmpty() ? null : kind)
                        .get("/api/v1/provinces/" + province + "/communes").then().statusCode(200).extract().path("total");
                totals.merge(kind.isEmpty() ? "ALL" : kind, total, Integer::sum);
            }
        }
        assertThat(totals).containsEntry("ALL", 3321).containsEntry("COMMUNE", 2621).containsEntry("WARD", 687)
                .containsEntry("SPECIAL_ZONE", 13);
        // Real codes: Đặc khu Lý Sơn is 21548 in Quảng Ngãi; 21880 is Xã Cát Tiến of Gia Lai.
        given().queryParam("q", "ly son").get("/api/v1/provinces/51/communes").then()
                .body("items[0].code", equalTo("21548")).body("items[0].kind", equalTo("SPECIAL_ZONE"));
        given().queryParam("q", "cat tien").get("/api/v1/provinces/52/communes").then()
                .body("items[0].code", equalTo("21880")).body("items[0].name", equalTo("Xã Cát Tiến"));
    }

    @Test
    void aFormerCommuneCodeOrNameIsMappedAndTheValueGivenIsKept() {
        String officer = Tokens.provinceOfficer("51");
        Map<String, Object> request = new HashMap<>(producer("HTX Bình Thạnh", "51", randomTaxCode()));
        request.put("communeCode", "21046"); // Xã Bình Thạnh of former Huyện Bình Sơn, now in Xã Bình Sơn
        String id = as(officer).body(request).post("/api/v1/producers").then().statusCode(201)
                .body("communeCode", equalTo("21040")).body("legacyCommuneCode", equalTo("21046")).extract().path("id");
        as(officer).get("/api/v1/producers/" + id).then().statusCode(200)
                .body("communeCode", equalTo("21040")).body("legacyCommuneCode", equalTo("21046"));

        // The same former commune by name on an update: the value given is kept. Writing back the code in force (as a
        // client does that reads the producer and PUTs it back) is no change: the place is the same, the original stays.
        request.put("communeCode", "Xã Bình Thạnh");
        as(officer).header("If-Match", "\"0\"").body(request).put("/api/v1/producers/" + id).then().statusCode(200)
                .body("communeCode", equalTo("21040")).body("legacyCommuneCode", equalTo("Xã Bình Thạnh"));
        request.put("communeCode", "21040");
        as(officer).header("If-Match", "\"1\"").body(request).put("/api/v1/producers/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("communeCode", equalTo("21040"))
                .body("legacyCommuneCode", equalTo("Xã Bình Thạnh"));

        // A product's commune of origin: the product code names the commune in force.
        as(officer).body(RegistryTestSupport.product(id, "Nước mắm Bình Châu", "21052")).post("/api/v1/products").then()
                .statusCode(201).body("communeCode", equalTo("21040")).body("legacyCommuneCode", equalTo("21052"))
                .body("code", matchesPattern("51-21040-\\d+-\\d{4}"));

        // A former province and one of its former communes by name (Sóc Trăng 94, Xã Hòa Tú II → 92, Xã Hòa Tú).
        Map<String, Object> socTrang = new HashMap<>(producer("HTX Hòa Tú", "94", randomTaxCode()));
        socTrang.put("communeCode", "Hòa Tú II");
        as(Tokens.provinceOfficer("92")).body(socTrang).post("/api/v1/producers").then().statusCode(201)
                .body("provinceCode", equalTo("92")).body("legacyProvinceCode", equalTo("94"))
                .body("communeCode", equalTo("31717")).body("legacyCommuneCode", equalTo("Hòa Tú II"));

        // A former commune of another province is refused, naming where it went.
        request.put("communeCode", "03766");
        as(officer).body(request).post("/api/v1/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("communeCode"))
                .body("violations[0].message", containsString("lies in province 14, not 51"));
    }

    @Test
    void aSplitFormerCommuneIsRefusedNamingTheCommunesItBecameAndNothingIsWritten() {
        String officer = Tokens.provinceOfficer("14");
        String name = "HTX Chiềng Bôm " + randomTaxCode();
        Map<String, Object> request = new HashMap<>(producer(name, "14", randomTaxCode()));
        request.put("communeCode", "03766"); // Xã Chiềng Bôm, Huyện Thuận Châu: split between two communes in 2025
        as(officer).body(request).post("/api/v1/producers").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("FORMER_COMMUNE_SPLIT"))
                .body("violations[0].field", equalTo("communeCode"))
                .body("detail", allOf(containsString("03721 Xã Thuận Châu"), containsString("03784 Xã Nậm Lầu")));
        request.put("communeCode", "Chiềng Bôm");
        as(officer).body(request).post("/api/v1/producers").then().statusCode(400)
                .body("code", equalTo("FORMER_COMMUNE_SPLIT"));
        as(officer).queryParam("q", name).get("/api/v1/producers").then().body("total", equalTo(0));

        // A name several former communes shared (Phường 1 of many districts) asks for a code.
        Map<String, Object> saigon = new HashMap<>(producer("HTX Phường Một", "79", randomTaxCode()));
        saigon.put("communeCode", "Phường 1");
        as(Tokens.provinceOfficer("79")).body(saigon).post("/api/v1/producers").then().statusCode(400)
                .body("code", equalTo("FORMER_COMMUNE_AMBIGUOUS")).body("detail", containsString("give a code"));
    }
}
