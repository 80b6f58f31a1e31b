package vn.ocop.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Import throughput (run by bench/registry-import.sh, or {@code -Docop.bench.rows=20000}): half producers, half
 * products, all in communes of the shipped list. Prints the figures and fails above the one minute.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
@EnabledIfSystemProperty(named = "ocop.bench.rows", matches = "\\d+")
class ImportBenchmarkTest {
    private static final Map<String, String> COMMUNES = Map.of("51", "21040", "40", "17278", "92", "31717", "01", "00577");

    @Test
    void importsTheRequestedRowsWellUnderAMinute() {
        int rows = Integer.parseInt(System.getProperty("ocop.bench.rows"));
        String run = Long.toString(System.nanoTime(), 36);
        StringBuilder ndjson = new StringBuilder();
        String[] provinces = COMMUNES.keySet().toArray(String[]::new);
        for (int i = 0; i < rows / 2; i++) {
            String province = provinces[i % provinces.length];
            String tax = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            ndjson.append(ImportApiTest.producer(run + "-P" + i, "Cơ sở " + i, tax, province, COMMUNES.get(province))).append('\n');
            ndjson.append(ImportApiTest.product(run + "-S" + i, run + "-P" + i, "Sản phẩm " + i, COMMUNES.get(province))).append('\n');
        }
        long start = System.nanoTime();
        JsonPath job = ImportApiTest.runImport(Tokens.centralOfficer(), "application/x-ndjson", ndjson.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH registry-import rows=%d bytes=%d seconds=%.1f rows_per_second=%.0f created=%d failed=%d%n",
                job.getInt("totalRows"), ndjson.length(), seconds, job.getInt("totalRows") / seconds, job.getInt("created"),
                job.getInt("failed"));
        assertThat(job.getInt("failed")).isLessThan(Math.max(1, rows / 1000)); // random tax codes may collide, rarely
        assertThat(seconds).isLessThan(60);
    }
}
