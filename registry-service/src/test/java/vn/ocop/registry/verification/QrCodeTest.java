package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.verification.VerificationFixtures.decode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.verification.VerificationFixtures.Certified;
import vn.ocop.testkit.OcopTestResource;

/** QR codes for labels: what a phone camera reads from them is the certificate's short verification URL. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class QrCodeTest {

    @Test
    void thePngDecodesToTheVerificationPageAtTheRequestedSize() throws IOException {
        Certified product = VerificationFixtures.valid("Nước mắm Sa Huỳnh");
        byte[] png = given().queryParam("size", 300).get("/api/v1/public/certificates/" + product.number() + "/qr")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(decode(image)).isEqualTo(product.pageUrl());

        // PNG is also what an image Accept gets, at the default size.
        byte[] byAccept = given().accept("image/png").get("/api/v1/public/certificates/" + product.number() + "/qr")
                .then().statusCode(200).extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(byAccept)).getWidth()).isEqualTo(256);
    }

    @Test
    void theSvgByAcceptOrFormatDrawsTheSameCode() {
        Certified product = VerificationFixtures.revoked("Mật ong Bạc Hà");
        String svg = given().accept("image/svg+xml").queryParam("size", 512)
                .get("/api/v1/public/certificates/" + product.number() + "/qr")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertThat(svg).contains("<svg", "width=\"512\"");
        assertThat(decode(rasterise(svg))).isEqualTo(product.pageUrl());

        String byFormat = given().queryParam("format", "svg").get("/api/v1/public/certificates/" + product.number() + "/qr")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertThat(decode(rasterise(byFormat))).isEqualTo(product.pageUrl());
    }

    @Test
    void sizesOutOfBoundsUnknownFormatsAndUnknownNumbersAreProblems() {
        Certified product = VerificationFixtures.valid("Cà phê Khe Sanh");
        String qr = "/api/v1/public/certificates/" + product.number() + "/qr";
        for (String size : new String[] {"63", "2049", "big"}) {
            given().queryParam("size", size).get(qr).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("size"));
        }
        given().queryParam("format", "gif").get(qr).then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().get("/api/v1/public/certificates/NO-SUCH-NUMBER/qr").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("CERTIFICATE_NOT_FOUND"));
    }

    /** Paints the SVG's module runs ({@code M x y h n v1 h-n z}, one unit per module) at 8 pixels a module. */
    private static BufferedImage rasterise(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).as("viewBox").isTrue();
        int scale = 8;
        int width = Integer.parseInt(box.group(1));
        BufferedImage image = new BufferedImage(width * scale, Integer.parseInt(box.group(2)) * scale, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(java.awt.Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            graphics.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        graphics.dispose();
        return image;
    }
}
