package vn.ocop.registry.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * The relevance set (src/test/resources/catalogue/relevance-set.json) over products of Lào Cai (15), a province no
 * other test registers products in: the product a person means comes first, weak matches are left out.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class CatalogueRelevanceTest {
    private static final String PROVINCE = "15";
    /** Xã Bắc Hà, Lào Cai, from the official list. */
    private static final String BAC_HA = "02839";
    private static final JsonNode SET = load();

    @Inject
    EntityManager entityManager;

    private static boolean registered;

    @BeforeEach
    void registerProducts() {
        if (registered) {
            return;
        }
        registered = true;
        Map<String, Object> producer = new HashMap<>(RegistryTestSupport.producer("HTX Đặc sản Bắc Hà", PROVINCE, randomTaxCode()));
        producer.put("communeCode", BAC_HA);
        String officer = Tokens.provinceOfficer(PROVINCE);
        String producerId = as(officer).body(producer).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        for (JsonNode name : SET.get("products")) {
            as(officer).body(RegistryTestSupport.product(producerId, name.asText(), BAC_HA)).post("/api/v1/products")
                    .then().statusCode(201);
        }
    }

    @Test
    void eachQueryOfTheRelevanceSetFindsTheMeantProductFirstAndLeavesWeakMatchesOut() {
        for (JsonNode query : SET.get("queries")) {
            String q = query.get("q").asText();
            List<String> names = given().queryParam("q", q).queryParam("province", PROVINCE).queryParam("size", 50)
                    .get("/api/v1/public/products").then().statusCode(200).extract().jsonPath().getList("items.name");
            if (query.has("first")) {
                assertThat(names).as("first result for '%s'", q).isNotEmpty().first().isEqualTo(query.get("first").asText());
            }
            if (query.has("only")) {
                assertThat(names).as("results for '%s'", q).containsExactlyElementsOf(texts(query.get("only")));
            }
            if (query.has("excluded")) {
                assertThat(names).as("results for '%s'", q).doesNotContainAnyElementsOf(texts(query.get("excluded")));
            }
        }
    }

    @Test
    void theTotalCountsEveryMatchNotJustThePage() {
        given().queryParam("q", "son").queryParam("province", PROVINCE).queryParam("size", 1)
                .get("/api/v1/public/products").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1)).body("total", org.hamcrest.Matchers.equalTo(3));
        given().queryParam("q", "son").queryParam("province", PROVINCE).queryParam("size", 2).queryParam("page", 5)
                .get("/api/v1/public/products").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0)).body("total", org.hamcrest.Matchers.equalTo(3));
    }

    /**
     * Each match test is answered by an index on the derived columns, and the correction of a word by the word
     * dictionary's (the plan, not the clock, is asserted).
     */
    @Test
    void bothMatchTestsCanBeAnsweredByTheirIndex() {
        assertThat(plan("", CatalogueService.ALL_WORDS)).contains("product_search_vector");
        assertThat(plan("with " + CatalogueService.CORRECTION, CatalogueService.CORRECTED_WORDS))
                .contains("product_search_vector", "search_word_pkey", "search_word_trgm");
        assertThat(plan("", CatalogueService.SIMILAR)).contains("product_search_trgm");
    }

    private String plan(String with, String condition) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // this table is small: forbid the sequential scan to see which index the condition can use
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager.createNativeQuery(("explain " + with + " select p.id from product p where "
                    + condition).replace(":q", "'tan cuong'").replace(":min", "0.6")).getResultList();
            return String.join("\n", lines);
        });
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode load() {
        try (InputStream in = CatalogueRelevanceTest.class.getResourceAsStream("/catalogue/relevance-set.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
