package vn.ocop.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.web.StrictJson;

/** The three forms of an upload read into the same rows, and what cannot be read is named by row and field. */
class RowsTest {
    private final ObjectMapper strict = new StrictJson(new ObjectMapper()).getContext(Object.class);

    @Test
    void theThreeFormsGiveTheSameRows() {
        List<Rows.Row> array = Rows.read(strict, "application/json", "[{\"a\":\"1\",\"b\":{\"c\":\"2\"}}, {\"a\":\"3\"}]");
        List<Rows.Row> ndjson = Rows.read(strict, Rows.NDJSON, "{\"a\":\"1\",\"b\":{\"c\":\"2\"}}\r\n\n{\"a\":\"3\"}\n");
        List<Rows.Row> csv = Rows.read(strict, Rows.CSV + "; charset=UTF-8", "\uFEFFa,b.c\r\n1,2\r\n3,\r\n");
        for (List<Rows.Row> rows : List.of(array, ndjson, csv)) {
            assertThat(rows).extracting(Rows.Row::number).containsExactly(1, 2);
            assertThat(rows.get(0).value().toString()).isEqualTo("{\"a\":\"1\",\"b\":{\"c\":\"2\"}}");
            assertThat(rows.get(1).value().toString()).isEqualTo("{\"a\":\"3\"}");
        }
    }

    @Test
    void aDuplicateKeyIsNamedByRowAndField() {
        Problem problem = refusal(() -> Rows.read(strict, "application/json", "[{\"a\":\"1\"}, {\"a\":\"1\",\"a\":\"2\"}]"));
        assertThat(problem.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.violations()).containsExactly(new Problem.Violation("[1].a", "given more than once"));

        Rows.Row line = Rows.read(strict, Rows.NDJSON, "{\"a\":\"1\",\"a\":\"2\"}").get(0);
        assertThat(line.value()).isNull();
        assertThat(line.field()).isEqualTo("a");
        assertThat(line.error()).isEqualTo("given more than once");

        Rows.Row csv = Rows.read(strict, Rows.CSV, "a,b,a\n1,2,3\n").get(0);
        assertThat(csv.field()).isEqualTo("a");
        assertThat(csv.error()).contains("more than once");
    }

    @Test
    void unreadableRowsAndBodiesAreRefusedWithTheirPlace() {
        assertThat(refusal(() -> Rows.read(strict, "application/json", "[{\"a\":1}, {\"a\": ]")).violations())
                .extracting(Problem.Violation::field).containsExactly("[1]");
        assertThat(refusal(() -> Rows.read(strict, "application/json", "[1, 2")).detail()).startsWith("The body is not a JSON array");
        assertThat(refusal(() -> Rows.read(strict, "application/json", "{\"a\":1}")).detail()).startsWith("Send a JSON array");
        assertThat(refusal(() -> Rows.read(strict, "application/json", "[] []")).detail()).contains("after the JSON array");
        assertThat(Rows.read(strict, "application/json", "[{\"a\":1}, 5]").get(1).error()).isEqualTo("not a JSON object");
        Rows.Row line = Rows.read(strict, Rows.NDJSON, "{\"a\":1}\n{not json\n").get(1);
        assertThat(line.field()).isNull();
        assertThat(line.error()).startsWith("unreadable JSON");
        assertThat(Rows.read(strict, Rows.CSV, "a,b\n1\n").get(0).error()).isEqualTo("has 1 fields, the header has 2");
    }

    @Test
    void onlyUtf8IsText() {
        assertThat(Rows.utf8("Tỏi Lý Sơn".getBytes(StandardCharsets.UTF_8))).isEqualTo("Tỏi Lý Sơn");
        assertThat(refusal(() -> Rows.utf8(new byte[] {'a', (byte) 0xFF, (byte) 0xFE})).code()).isEqualTo("MALFORMED_REQUEST");
    }

    private static Problem refusal(Runnable read) {
        return catchThrowableOfType(ApiException.class, read::run).toProblem();
    }
}
