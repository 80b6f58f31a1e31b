package vn.ocop.registry.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.registry.StatementCounter;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * The lean read path (issue #16): a catalogue search is one statement, the page and its total together, since every
 * statement is one more wait on a loaded database for every client. Only a query no name has all the words of costs a
 * second one (the words match again, each unknown word corrected), a typo the correction cannot mend a third (the
 * whole-query similarity), and a page past the last its count. Counted statements are Hibernate's (entity and native
 * SQL).
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class SearchStatementsTest {
    /** Bắc Ninh (24): the products of this test are found by a name no other test uses. */
    private static final String PROVINCE = "24";
    private static boolean registered;

    @BeforeEach
    void registerProducts() {
        if (registered) {
            return;
        }
        registered = true;
        String officer = Tokens.provinceOfficer(PROVINCE);
        String producerId = as(officer).body(RegistryTestSupport.producer("HTX Tranh Đông Hồ", PROVINCE, randomTaxCode()))
                .post("/api/v1/producers").then().statusCode(201).extract().path("id");
        for (String name : List.of("Tranh Đông Hồ Đếm Lệnh", "Tranh Đông Hồ Đếm Lệnh khổ lớn", "Chè Tân Cương")) {
            as(officer).body(RegistryTestSupport.product(producerId, name, RegistryTestSupport.communeOf(PROVINCE))).post("/api/v1/products").then().statusCode(201);
        }
    }

    @Test
    void aSearchSendsOneStatementForThePageAndItsTotal() {
        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "dem lenh").get("/api/v1/public/products").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].name", equalTo("Tranh Đông Hồ Đếm Lệnh"));

        assertThat(StatementCounter.of(id)).as("statements of one search").hasSize(1);
    }

    @Test
    void browsingWithoutTextSendsOneStatement() {
        String id = UUID.randomUUID().toString();
        search(id).queryParam("province", PROVINCE).queryParam("sort", "STARS").get("/api/v1/public/products").then()
                .statusCode(200);

        assertThat(StatementCounter.of(id)).as("statements of one browse").hasSize(1);
    }

    @Test
    void onlyATypoCostsASecondStatement() {
        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "tranh dong ho dem lennh").get("/api/v1/public/products").then().statusCode(200)
                .body("items[0].name", equalTo("Tranh Đông Hồ Đếm Lệnh"));

        assertThat(StatementCounter.of(id)).as("statements of a mistyped search: words, then corrected words").hasSize(2);
    }

    @Test
    void theBenchsTypoSearchCostsTwoStatements() {
        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "che tan cuongg").queryParam("province", PROVINCE).get("/api/v1/public/products")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("Chè Tân Cương"));

        assertThat(StatementCounter.of(id)).as("statements of 'che tan cuongg': words, then corrected words").hasSize(2);
    }

    /** "hu" for "hồ": no name word is close enough to correct it, the whole query is (strict word similarity 0.83). */
    @Test
    void aTypoTheCorrectionCannotMendCostsAThirdStatement() {
        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "tranh dong hu dem lenh").queryParam("province", PROVINCE).get("/api/v1/public/products")
                .then().statusCode(200).body("items[0].name", equalTo("Tranh Đông Hồ Đếm Lệnh"));

        assertThat(StatementCounter.of(id)).as("statements: words, corrected words, then similarity").hasSize(3);
    }

    private static RequestSpecification search(String id) {
        return given().header(StatementCounter.HEADER, id);
    }
}
