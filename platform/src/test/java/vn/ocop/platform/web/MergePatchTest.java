package vn.ocop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 7386's own examples (appendix A). */
class MergePatchTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRfcExamplesMerge() throws Exception {
        assertMerge("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        assertMerge("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        assertMerge("{\"a\":\"b\"}", "{\"a\":null}", "{}");
        assertMerge("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        assertMerge("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        assertMerge("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        assertMerge("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        assertMerge("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        assertMerge("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
    }

    private void assertMerge(String target, String patch, String expected) throws Exception {
        JsonNode merged = MergePatch.merge(json.readTree(target), json.readTree(patch));
        assertThat(merged).isEqualTo(json.readTree(expected));
    }
}
