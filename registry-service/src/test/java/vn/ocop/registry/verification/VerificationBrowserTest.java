package vn.ocop.registry.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.registry.verification.VerificationFixtures.Certified;
import vn.ocop.testkit.OcopTestResource;

/**
 * The verification page in a real browser at phone size, for a valid, a revoked and an unknown certificate: what the
 * browser built from it and what the screen shows, the status colour included. Screenshots stay in
 * target/screenshots as build artifacts.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class VerificationBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Status box backgrounds of page.html: green for valid, red for ended. */
    private static final int VALID_BACKGROUND = 0xe6f4ea;
    private static final int ENDED_BACKGROUND = 0xfde8e8;

    @Test
    void aValidCertificateReadsValidOnAGreenPanel() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Certified product = VerificationFixtures.valid("Tỏi Lý Sơn");
        String dom = chromium.dumpDom(url("/c/" + product.number()));
        assertThat(text(dom, "status-word")).isEqualTo("✓ CÒN HIỆU LỰC");
        assertThat(dom).contains("<h1>Tỏi Lý Sơn</h1>", "4 sao trên 5", product.producerName());
        BufferedImage screen = screenshot(chromium, "/c/" + product.number(), "certificate-valid.png");
        assertThat(share(screen, VALID_BACKGROUND)).as("share of the screen in the valid panel's green").isGreaterThan(0.05);
        assertThat(share(screen, ENDED_BACKGROUND)).isZero();

        String english = chromium.dumpDom(url("/c/" + product.number() + "?lang=en"));
        assertThat(text(english, "status-word")).isEqualTo("✓ VALID");
        assertAccessible(chromium, "/c/" + product.number(), "valid");
    }

    @Test
    void aRevokedCertificateReadsRevokedOnARedPanelWithItsGround() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Certified product = VerificationFixtures.revoked("Mạch nha Thi Phổ");
        String dom = chromium.dumpDom(url("/c/" + product.number()));
        assertThat(text(dom, "status-word")).isEqualTo("✗ ĐÃ BỊ THU HỒI");
        assertThat(dom).contains(VerificationFixtures.GROUND, "Nhãn OCOP trên bao bì không còn giá trị");
        BufferedImage screen = screenshot(chromium, "/c/" + product.number(), "certificate-revoked.png");
        assertThat(share(screen, ENDED_BACKGROUND)).as("share of the screen in the ended panel's red").isGreaterThan(0.05);
        assertThat(share(screen, VALID_BACKGROUND)).isZero();
        assertAccessible(chromium, "/c/" + product.number() + "?lang=en", "revoked-en");
    }

    @Test
    void anUnknownCertificateIsAReadablePage() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String dom = chromium.dumpDom(url("/c/OCOP-99-0000-NOPE"));
        assertThat(text(dom, "status-word")).isEqualTo("? KHÔNG TÌM THẤY");
        assertThat(dom).contains("Không có giấy chứng nhận OCOP nào mang số OCOP-99-0000-NOPE");
        BufferedImage screen = screenshot(chromium, "/c/OCOP-99-0000-NOPE", "certificate-unknown.png");
        assertThat(share(screen, VALID_BACKGROUND)).isZero();
        assertAccessible(chromium, "/c/OCOP-99-0000-NOPE", "unknown");
    }

    /** axe-core (WCAG 2.1 A/AA and best practices) finds nothing on the page as served. */
    private static void assertAccessible(HeadlessChromium chromium, String path, String name) throws Exception {
        String html = RestAssured.given().get(path).then().extract().asString();
        assertThat(AxeCheck.violations(chromium, html, name)).as("axe-core violations on " + path).isEmpty();
    }

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static BufferedImage screenshot(HeadlessChromium chromium, String path, String name) throws Exception {
        Path file = SCREENSHOTS.resolve(name);
        chromium.screenshot(url(path), file);
        return ImageIO.read(file.toFile());
    }

    /** The text of the element with this id, tags removed and spaces collapsed. */
    private static String text(String dom, String id) {
        Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(dom);
        assertThat(element.find()).as("element #" + id + " in the page").isTrue();
        return element.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim();
    }

    /** Share of the pixels that have exactly this colour. */
    private static double share(BufferedImage image, int rgb) throws IOException {
        long matching = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    matching++;
                }
            }
        }
        return (double) matching / ((long) image.getWidth() * image.getHeight());
    }
}
