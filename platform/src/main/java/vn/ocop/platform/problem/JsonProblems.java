package vn.ocop.platform.problem;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import vn.ocop.platform.web.StrictJson;
import vn.ocop.platform.web.TextRules;

/**
 * A request body Jackson could not read, as a problem that names the field and says what it must be, in the words of
 * JSON (a string, a number, one of the listed values), never the Java type the service happens to read it into.
 * Anything else that reads JSON sent from outside (an import row, a merge patch) reports through {@link #violation}.
 */
public final class JsonProblems {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern ENUM_VALUES = Pattern.compile("Enum class: \\[(.*)]");

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        if (e instanceof StrictJson.RefusedText) {
            return invalid("VALIDATION_FAILED", "Request validation failed", pathOf((JsonMappingException) e), TextRules.CONTROL_CHARACTER);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return invalid("MALFORMED_REQUEST", "Malformed request body", pathOf(unknown),
                    "unknown field" + (known.isEmpty() ? "" : "; the fields are " + known));
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return invalid("MALFORMED_REQUEST", "Malformed request body", duplicate.group(1), "given more than once");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String field = pathOf(mismatch);
            return invalid("MALFORMED_REQUEST", "Malformed request body", field.isEmpty() ? "body" : field, expected(mismatch));
        }
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        if (!field.isEmpty()) {
            return invalid("MALFORMED_REQUEST", "Malformed request body", field, "wrong type or format");
        }
        return Problem.of(400, "MALFORMED_REQUEST", "Malformed request body",
                "The request body is not valid JSON in UTF-8 for this operation");
    }

    /**
     * The field and what it must be, for a value that could not be read: e.g. {@code kind}: "must be one of COOPERATIVE,
     * ENTERPRISE, …" where Jackson says "Cannot deserialize value of type `vn.ocop…ProducerKind`".
     */
    public static Problem.Violation violation(JsonProcessingException e) {
        Problem problem = of(e);
        if (problem.violations() != null && !problem.violations().isEmpty()) {
            return problem.violations().get(0);
        }
        return new Problem.Violation("body", "not valid JSON for this operation");
    }

    private static Problem invalid(String code, String title, String field, String message) {
        return Problem.of(400, code, title, field + ": " + message).withViolations(List.of(new Problem.Violation(field, message)));
    }

    /** What a field must be, told in JSON terms. */
    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type.isEnum()) {
            // Jackson lists the accepted values in hash order; tell them in the order the enum declares them.
            List<String> declared = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            Matcher values = ENUM_VALUES.matcher(String.valueOf(e.getOriginalMessage()));
            List<String> accepted = values.find() ? Arrays.stream(values.group(1).split(",")).map(String::trim).toList() : declared;
            return "must be one of " + accepted.stream()
                    .sorted(Comparator.comparingInt(v -> declared.indexOf(v) < 0 ? Integer.MAX_VALUE : declared.indexOf(v)))
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class
                    || type == Short.class || type == short.class || type == java.math.BigInteger.class;
            return whole ? "must be a whole number" : "must be a number";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be a date yyyy-MM-dd";
        }
        if (type == YearMonth.class) {
            return "must be a month yyyy-MM";
        }
        if (type == MonthDay.class) {
            return "must be a month and day --MM-dd";
        }
        if (type == OffsetDateTime.class || Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO 8601 date-time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "wrong type or format";
    }

    /** {@code items[0].name}: the JSON path of the field Jackson was reading. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
