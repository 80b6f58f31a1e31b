package vn.ocop.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.platform.web.StrictJson;

/** An unreadable enum value names the field and the allowed values, never the Java type behind it. */
class JsonProblemsTest {
    enum Kind { COOPERATIVE, ENTERPRISE, HOUSEHOLD }

    record Line(Kind kind) {
    }

    record Body(Kind kind, List<Line> lines, Map<String, Kind> byName) {
    }

    private final ObjectMapper strict = new StrictJson(new ObjectMapper()).getContext(Object.class);

    @Test
    void anUnknownEnumValueListsTheAllowedValues() {
        Problem.Violation violation = violationOf("{\"kind\": \"SPACESHIP\"}");
        assertThat(violation.field()).isEqualTo("kind");
        assertThat(violation.message()).isEqualTo("must be one of COOPERATIVE, ENTERPRISE, HOUSEHOLD");
    }

    @Test
    void anEnumGivenAsANumberAnObjectOrInsideAListOrMapSaysTheSame() {
        assertThat(violationOf("{\"kind\": 2}").message()).isEqualTo("must be one of COOPERATIVE, ENTERPRISE, HOUSEHOLD");
        assertThat(violationOf("{\"kind\": {}}").message()).startsWith("must be one of COOPERATIVE");
        Problem.Violation nested = violationOf("{\"lines\": [{\"kind\": \"COOPERATIVE\"}, {\"kind\": \"X\"}]}");
        assertThat(nested.field()).isEqualTo("lines[1].kind");
        assertThat(nested.message()).startsWith("must be one of COOPERATIVE");
        Problem.Violation inMap = violationOf("{\"byName\": {\"a\": \"X\"}}");
        assertThat(inMap.field()).isEqualTo("byName.a");
        assertThat(inMap.message()).startsWith("must be one of COOPERATIVE");
    }

    @Test
    void noMessageOrDetailNamesAJavaType() {
        for (String body : List.of("{\"kind\": \"SPACESHIP\"}", "{\"kind\": 2}", "{\"kind\": []}", "{\"lines\": 3}",
                "{\"lines\": [{\"kind\": true}]}", "{\"byName\": []}")) {
            JsonProcessingException e = failure(body);
            Problem problem = JsonProblems.of(e);
            assertThat(problem.detail()).as(body).doesNotContain("vn.ocop", "java.", "Cannot deserialize", "Enum class");
            assertThat(JsonProblems.violation(e).message()).as(body).doesNotContain("vn.ocop", "java.", "Cannot deserialize");
        }
    }

    private Problem.Violation violationOf(String body) {
        return JsonProblems.violation(failure(body));
    }

    private JsonProcessingException failure(String body) {
        return catchThrowableOfType(JsonProcessingException.class, () -> strict.readValue(body, Body.class));
    }
}
