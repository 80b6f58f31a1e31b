package vn.ocop.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Import throughput (run by bench/registry-import.sh, or {@code -Docop.bench.rows=20000}): half producers, half
 * products, all in communes of the shipped list, from upload to COMPLETED. Beside it, in the same run, a PostgreSQL
 * {@code COPY} of the same rows into a scratch table: the physical limit of getting these rows into this database.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
@EnabledIfSystemProperty(named = "ocop.bench.rows", matches = "\\d+")
class ImportBenchmarkTest {
    private static final Map<String, String> COMMUNES = Map.of("51", "21040", "40", "17278", "92", "31717", "01", "00577");

    @Inject
    DataSource dataSource;

    @Test
    void printsTheImportRateBesideACopyOfTheSameRows() throws Exception {
        int rows = Integer.parseInt(System.getProperty("ocop.bench.rows"));
        String run = Long.toString(System.nanoTime(), 36);
        StringBuilder ndjson = new StringBuilder();
        String[] provinces = COMMUNES.keySet().toArray(String[]::new);
        for (int i = 0; i < rows / 2; i++) {
            String province = provinces[i % provinces.length];
            ndjson.append(ImportApiTest.producer(run + "-P" + i, "Cơ sở " + i, RegistryTestSupport.randomTaxCode(), province,
                    COMMUNES.get(province))).append('\n');
            ndjson.append(ImportApiTest.product(run + "-S" + i, run + "-P" + i, "Sản phẩm " + i, COMMUNES.get(province))).append('\n');
        }
        double copySeconds = copy(ndjson.toString());

        long start = System.nanoTime();
        JsonPath job = ImportApiTest.runImport(Tokens.centralOfficer(), "application/x-ndjson", ndjson.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = job.getInt("totalRows");
        System.out.printf("BENCH registry-import rows=%d seconds=%.1f rows_per_second=%.0f created=%d failed=%d%n",
                total, seconds, total / seconds, job.getInt("created"), job.getInt("failed"));
        System.out.printf("BENCH copy-same-rows rows=%d seconds=%.2f rows_per_second=%.0f%n", total, copySeconds, total / copySeconds);
        System.out.printf("BENCH ratio import/copy=%.2f%%%n", 100 * copySeconds / seconds);
        assertThat(job.getInt("failed")).isLessThan(Math.max(1, rows / 1000)); // random tax codes may collide, rarely
    }

    /** COPY of the same NDJSON lines into a scratch table of jsonb rows; answers its seconds. */
    private double copy(String ndjson) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_import_copy");
            s.execute("create table bench_import_copy (row jsonb not null)");
            // COPY's text format treats backslashes as escapes: double them so every line stays the JSON it was.
            String text = ndjson.replace("\\", "\\\\");
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_import_copy (row) from stdin", new StringReader(text));
            if (!c.getAutoCommit()) {
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("drop table bench_import_copy");
            return seconds;
        }
    }
}
