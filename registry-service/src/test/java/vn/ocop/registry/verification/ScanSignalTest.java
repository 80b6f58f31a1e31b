package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.verification.VerificationFixtures.Certified;
import vn.ocop.testkit.OcopTestResource;

/**
 * Scans are counted per certificate and day without personal data, and a scan of an ended certificate tells
 * monitoring (through the outbox) once a day that lapsed packaging is still around.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ScanSignalTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoScansOnOneDayCountTwoAndNothingAboutTheScannerIsKept() throws SQLException {
        Certified product = VerificationFixtures.valid("Trà hoa vàng");
        long before = scansToday(product.number());

        given().header("User-Agent", "Mozilla/5.0 (shopper phone)").header("X-Forwarded-For", "203.0.113.7")
                .get("/c/" + product.number()).then().statusCode(200);
        given().accept("application/json").get("/01/" + product.gtin()).then().statusCode(200);
        assertThat(scansToday(product.number())).isEqualTo(before + 2);

        assertThat(columns("certificate_scan_day"))
                .containsExactlyInAnyOrder("certificate_id", "scanned_on", "scans", "lapsed_signalled");
        assertThat(lapsedSignals(product.number())).as("a valid certificate is no signal").isEmpty();
    }

    @Test
    void scansOfARevokedCertificateWriteOneSignalADay() throws SQLException {
        Certified product = VerificationFixtures.revoked("Mắm tôm chua");
        given().get("/c/" + product.number()).then().statusCode(200);
        given().get("/c/" + product.number() + "?lang=en").then().statusCode(200);
        given().accept("application/json").get("/01/" + product.gtin14()).then().statusCode(410);
        given().accept("application/json").get("/api/v1/public/certificates/" + product.number()).then().statusCode(200);

        List<String> signals = lapsedSignals(product.number());
        assertThat(signals).hasSize(1);
        JsonPath signal = JsonPath.from(signals.get(0));
        assertThat(signal.getString("certificateNumber")).isEqualTo(product.number());
        assertThat(signal.getString("productId")).isEqualTo(product.productId().toString());
        assertThat(signal.getString("productName")).isEqualTo("Mắm tôm chua");
        assertThat(signal.getString("provinceCode")).isEqualTo("51");
        assertThat(signal.getString("status")).isEqualTo("REVOKED");
        assertThat(signal.getString("scannedOn")).isEqualTo(VerificationFixtures.TODAY.toString());
        assertThat(signal.getInt("scans")).isPositive();
    }

    @Test
    void aLockedCounterDoesNotHoldOrFailTheScan() throws SQLException {
        Certified product = VerificationFixtures.valid("Cà phê Khe Sanh");
        long before = scansToday(product.number());
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("""
                    select 1 from certificate_scan_day d join certificate c on c.id = d.certificate_id
                    where c.number = ? for update""")) {
                lock.setString(1, product.number());
                lock.executeQuery().close();
            }
            long started = System.nanoTime();
            given().get("/c/" + product.number()).then().statusCode(200);
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for the page").isLessThan(3_000);
            blocker.rollback();
        }
        assertThat(scansToday(product.number())).as("the blocked scan is lost, not queued").isEqualTo(before);
    }

    private long scansToday(String number) throws SQLException {
        List<String> rows = query("""
                select d.scans from certificate_scan_day d join certificate c on c.id = d.certificate_id
                where c.number = ? order by d.scanned_on desc limit 1""", number);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0));
    }

    private List<String> lapsedSignals(String number) throws SQLException {
        return query("select payload from outbox_event where event_type = 'LapsedCertificateScanned' and subject = ?",
                "certificate/" + number);
    }

    private List<String> columns(String table) throws SQLException {
        return query("select column_name from information_schema.columns where table_name = ?", table);
    }

    private List<String> query(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
