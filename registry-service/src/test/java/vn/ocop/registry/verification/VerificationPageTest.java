package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.verification.VerificationFixtures.Certified;
import vn.ocop.testkit.OcopTestResource;

/** The page the QR code opens: what a shopper reads about the certificate, in Vietnamese first. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class VerificationPageTest {

    @Test
    void aValidCertificateShowsTheProductStarsStatusInWordsAndLinks() {
        Certified product = VerificationFixtures.valid("Tỏi Lý Sơn");
        String html = given().accept("text/html").get("/c/" + product.number())
                .then().statusCode(200).contentType("text/html").header("Content-Language", "vi").extract().asString();
        assertThat(html).contains("<html lang=\"vi\">", "CÒN HIỆU LỰC", "Tỏi Lý Sơn", product.producerName(), "Quảng Ngãi",
                "★★★★☆", "4 sao trên 5", product.number(), "tone-valid")
                .contains("certificate=" + product.number(), "where-to-buy?product=" + product.productId())
                .doesNotContain("<script");

        String english = given().queryParam("lang", "en").get("/c/" + product.number())
                .then().statusCode(200).header("Content-Language", "en").extract().asString();
        assertThat(english).contains("<html lang=\"en\">", "VALID", "4 stars out of 5", "Report a problem", "Tỏi Lý Sơn")
                .doesNotContain("CÒN HIỆU LỰC");
    }

    @Test
    void aRevokedCertificateSaysSoWithTheDateAndGroundAndOffersNoShop() {
        Certified product = VerificationFixtures.revoked("Mạch nha Thi Phổ");
        String html = given().get("/c/" + product.number()).then().statusCode(200).extract().asString();
        assertThat(html).contains("ĐÃ BỊ THU HỒI", "tone-ended", VerificationFixtures.GROUND, "45/QĐ-UBND",
                VerificationFixtures.TODAY.minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "Nhãn OCOP trên bao bì không còn giá trị")
                .doesNotContain("where-to-buy", "CÒN HIỆU LỰC");
    }

    @Test
    void anExpiredCertificateReadsExpired() {
        Certified product = VerificationFixtures.expired("Vải thiều Lục Ngạn");
        assertThat(given().queryParam("lang", "en").get("/c/" + product.number()).then().statusCode(200).extract().asString())
                .contains("EXPIRED", "This certificate expired after").doesNotContain("where-to-buy");
    }

    @Test
    void anUnknownNumberIsAPageAPersonCanRead() {
        String html = given().accept("text/html").get("/c/OCOP-00-0000-NOPE").then().statusCode(404)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("KHÔNG TÌM THẤY", "OCOP-00-0000-NOPE", "<h1>");
    }
}
