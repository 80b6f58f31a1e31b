package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.verification.VerificationFixtures.Certified;
import vn.ocop.testkit.OcopTestResource;

/** The printable certificate: read back as text (Vietnamese intact) and its QR code decoded from the rendered page. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class CertificateDocumentTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void theDocumentCarriesTheNationalHeaderTheFactsAndAQrCodeToTheLivePage() throws IOException {
        Certified product = VerificationFixtures.valid("Tỏi cô đơn Lý Sơn");
        try (PDDocument pdf = download(product)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "GIẤY CHỨNG NHẬN", "Số: " + product.number(), "100/QĐ-UBND",
                    "Tỏi cô đơn Lý Sơn", product.producerName(), "số 10 (nhóm I)", "4 sao",
                    VerificationFixtures.TODAY.minusMonths(2).format(DATE));
            assertThat(withoutSpaces(text)).doesNotContain("THUHỒI", "HẾTHIỆULỰC", "THAYTHẾ", "Tìnhtrạng");
            assertThat(decodeFirstPage(pdf))
                    .isEqualTo(product.pageUrl());
        }
    }

    @Test
    void revokedAndExpiredDocumentsSaySoAcrossThePageAndStillCarryTheQrCode() throws IOException {
        Certified revoked = VerificationFixtures.revoked("Nước mắm Cửa Khe");
        try (PDDocument pdf = download(revoked)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Nước mắm Cửa Khe", "Tình trạng tại ngày " + VerificationFixtures.TODAY.format(DATE)
                    + ": ĐÃ BỊ THU HỒI ngày " + VerificationFixtures.TODAY.minusDays(3).format(DATE));
            // The status line and the diagonal notice (whose rotated glyphs come back split by line breaks).
            assertThat(occurrences(withoutSpaces(text), "ĐÃBỊTHUHỒI")).isEqualTo(2);
            assertThat(decodeFirstPage(pdf))
                    .isEqualTo(revoked.pageUrl());
        }
        Certified expired = VerificationFixtures.expired("Quế Trà Bồng");
        try (PDDocument pdf = download(expired)) {
            assertThat(occurrences(withoutSpaces(new PDFTextStripper().getText(pdf)), "ĐÃHẾTHIỆULỰC")).isEqualTo(2);
        }
        given().get("/api/v1/public/certificates/NO-SUCH-NUMBER/document").then().statusCode(404)
                .body("code", equalTo("CERTIFICATE_NOT_FOUND"));
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static PDDocument download(Certified product) throws IOException {
        byte[] bytes = given().get("/api/v1/public/certificates/" + product.number() + "/document")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        return Loader.loadPDF(bytes);
    }

    /**
     * The QR code of the first page as a phone would read it. The diagonal notice of an ended certificate crosses the
     * page at a place that depends on the number's length, and a scan at one resolution can miss the code where a
     * phone held a little closer reads it: try a few resolutions.
     */
    private static String decodeFirstPage(PDDocument pdf) throws IOException {
        AssertionError last = null;
        for (int dpi : new int[] {150, 200, 300}) {
            try {
                return VerificationFixtures.decode(new PDFRenderer(pdf).renderImageWithDPI(0, dpi));
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }
}
