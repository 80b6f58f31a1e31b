package vn.ocop.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.registry.StatementCounter;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Bulk import speed (issue #13) kept: a batch of rows costs a few statements of each kind (inserts JDBC-batched, one
 * code reservation, one look-up per table), not a few per row. Counted statements are Hibernate's on the import
 * threads (a JDBC batch counts once); they do not depend on the machine's load, unlike rows per second.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportStatementsTest {
    /**
     * Per batch: the producers' and products' inserts, the code reservation, the audit, outbox and row-result inserts,
     * the look-ups of the rows' keys (producers, products, tax codes), the job's progress.
     */
    static final int STATEMENTS_PER_BATCH = 11;
    private static final String PROGRESS = "update import_job";
    private static final String[] COMMUNES = {"21040", "21548", "21400"};
    private static final Pattern KIND = Pattern.compile("^\\s*(select|insert|update|delete|with)\\b.*?\\b(?:from|into|update)\\s+([a-z_]+)",
            Pattern.DOTALL);

    @Test
    void aBatchOfNewProducersAndProductsCostsAFewStatementsOfEachKindNotAFewPerRow() {
        importAndCount(COMMUNES.length); // warms the second-level cache of communes and provinces, read once per service
        int pairs = 100; // 200 rows: one batch
        Map<String, Integer> kinds = importAndCount(pairs);

        // a loaded machine may commit a batch early (ImportWorker's batch time): count per batch, one progress update each
        int batches = kinds.getOrDefault(PROGRESS, 0);
        System.out.printf("IMPORT statements for %d rows in %d batch(es): %s%n", 2 * pairs, batches, kinds);
        assertThat(batches).as("batches of %d rows", 2 * pairs).isBetween(1, pairs / 10);
        assertThat(kinds).as("statements of %d rows", 2 * pairs).allSatisfy((kind, count) ->
                assertThat(count).as(kind).isLessThanOrEqualTo(2 * batches + 1));
        assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).as("statements of %d rows: %s", 2 * pairs, kinds)
                .isLessThanOrEqualTo(STATEMENTS_PER_BATCH * batches + 3);
    }

    /** Imports {@code pairs} producers each with a product, in province 51; answers the statements sent, by kind. */
    private static Map<String, Integer> importAndCount(int pairs) {
        String run = Long.toString(System.nanoTime(), 36);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            String commune = COMMUNES[i % COMMUNES.length];
            ndjson.append(ImportApiTest.producer(run + "-P" + i, "Cơ sở " + i, RegistryTestSupport.randomTaxCode(), "51", commune))
                    .append('\n')
                    .append(ImportApiTest.product(run + "-S" + i, run + "-P" + i, "Sản phẩm " + i, commune)).append('\n');
        }
        StatementCounter.recordImports();
        JsonPath job = ImportApiTest.runImport(Tokens.provinceOfficer("51"), "application/x-ndjson", ndjson.toString());
        List<String> statements = StatementCounter.importStatements();
        assertThat(job.getInt("created")).isEqualTo(2 * pairs);

        Map<String, Integer> kinds = new TreeMap<>();
        for (String sql : statements) {
            Matcher m = KIND.matcher(sql.toLowerCase(Locale.ROOT));
            String kind = m.find() ? m.group(1) + " " + m.group(2) : sql.substring(0, Math.min(40, sql.length()));
            kinds.merge(kind.startsWith(PROGRESS + " set processed_rows") ? PROGRESS : kind, 1, Integer::sum);
        }
        return kinds;
    }
}
