package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;

/**
 * Nothing personal about a producer (Decree 13/2023/NĐ-CP) reaches an anonymous reader: the public catalogue, the
 * certificate verification and the GS1 Digital Link answers, as JSON and as pages, hold none of the household's
 * contacts, its tax code (its owner's ID number) nor its representative's ethnic group. Its name stays: it is printed
 * on the certificate and the label.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class PublicResponsesPrivacyTest {

    private static final String PHONE = "0987 654 321";
    private static final String EMAIL = "ho.dinh.pulo@example.vn";
    private static final String ADDRESS = "Nhà số 7 xóm Pờ Lô";
    private static final String ETHNIC_GROUP = "Cor";

    @Test
    void publicAnswersCarryNoPersonalData() {
        String producerName = "Hộ Đinh Văn Pờ Lô " + UUID.randomUUID().toString().substring(0, 8);
        String taxCode = randomTaxCode();
        Map<String, Object> body = new HashMap<>(producer(producerName, "51", taxCode));
        body.put("kind", "HOUSEHOLD");
        body.put("phone", PHONE);
        body.put("email", EMAIL);
        body.put("address", ADDRESS);
        body.put("representative", Map.of("fullName", "Đinh Văn Pờ Lô", "gender", "MALE", "ethnicGroup", ETHNIC_GROUP,
                "ethnicMinority", true, "disabled", true));
        String producerId = as(VerificationFixtures.OFFICER).body(body).post("/api/v1/producers").then().statusCode(201)
                .extract().path("id");
        VerificationFixtures.Certified product = VerificationFixtures.valid(producerId, producerName, "Quế Trà Bồng Pờ Lô");

        Map<String, String> answers = new HashMap<>();
        answers.put("catalogue search", given().accept("application/json").queryParam("q", "Quế Trà Bồng Pờ Lô")
                .get("/api/v1/public/products").then().statusCode(200).extract().asString());
        answers.put("catalogue product", given().accept("application/json")
                .get("/api/v1/public/products/" + product.productId()).then().statusCode(200).extract().asString());
        answers.put("verification JSON", given().accept("application/json")
                .get("/api/v1/public/certificates/" + product.number()).then().statusCode(200).extract().asString());
        answers.put("verification page", given().accept("text/html").get("/c/" + product.number())
                .then().statusCode(200).extract().asString());
        answers.put("Digital Link JSON", given().accept("application/json").get("/01/" + product.gtin14())
                .then().statusCode(200).extract().asString());
        answers.put("Digital Link page", given().accept("text/html").get("/01/" + product.gtin14())
                .then().statusCode(200).extract().asString());
        answers.put("Digital Link linkset", given().queryParam("linkType", "all").get("/01/" + product.gtin())
                .then().statusCode(200).extract().asString());

        assertThat(answers.get("catalogue product")).as("the test reads the right product").contains(product.productName())
                .contains(producerName);
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            for (String personal : List.of(PHONE, EMAIL, ADDRESS, taxCode, "taxCode", "\"" + ETHNIC_GROUP + "\"", "ethnic", "disabled",
                    "\"phone\"", "\"email\"")) {
                assertThat(answer.getValue()).as(answer.getKey() + " holds " + personal).doesNotContainIgnoringCase(personal);
            }
        }
    }
}
