package vn.ocop.testkit.hostile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether an answer is what a probe must get; a description of what is wrong, or null. */
final class AnswerCheck {
    private AnswerCheck() {
    }

    static String check(Probe probe, RawHttp.Answer answer, Set<Integer> documented, Set<Integer> anyOperation, boolean page) {
        int status = answer.status();
        if (probe.expect() == Probe.Expect.HARMLESS && status >= 200 && status < 300) {
            return null;
        }
        if (probe.expect() == Probe.Expect.NOT_ALLOWED) {
            if (status != 405) {
                return "expected 405, got " + describe(answer);
            }
            if (answer.header("Allow") == null || answer.header("Allow").isBlank()) {
                return "405 without an Allow header";
            }
        }
        if (status < 400 || status >= 500) {
            return "expected a 4xx problem, got " + describe(answer);
        }
        if (!documented.contains(status) && !anyOperation.contains(status)) {
            return "status " + status + " is not documented for the operation: " + describe(answer);
        }
        String type = answer.header("Content-Type");
        if (page && type != null && type.startsWith("text/html")) {
            return null;
        }
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not a problem document: " + describe(answer);
        }
        Map<?, ?> problem = HostileInputSuite.parse(answer.body());
        if (problem == null || !(problem.get("code") instanceof String code) || !code.matches("[A-Z][A-Z0-9_]+")
                || !Integer.valueOf(status).equals(problem.get("status"))) {
            return "problem without a stable code or with another status: " + describe(answer);
        }
        if (probe.field() != null && !namesField(problem, probe.field())) {
            return "the problem does not name " + probe.field() + ": " + describe(answer);
        }
        if (answer.body().contains("vn.ocop.") || answer.body().contains("java.")) {
            return "the problem names a Java type: " + describe(answer);
        }
        return null;
    }

    private static boolean namesField(Map<?, ?> problem, String field) {
        return problem.get("violations") instanceof List<?> violations
                && violations.stream().anyMatch(v -> v instanceof Map<?, ?> m && field.equals(m.get("field")));
    }

    private static String describe(RawHttp.Answer answer) {
        String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "..." : answer.body();
        return answer.status() + " " + answer.header("Content-Type") + " " + body.replace("\n", " ");
    }
}
