package vn.ocop.platform.problem;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
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
 */
final class JsonProblems {
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

    private static Problem invalid(String code, String title, String field, String message) {
        return Problem.of(400, code, title, field + ": " + message).withViolations(List.of(new Problem.Violation(field, message)));
    }

    /** What a field must be, told in JSON terms. */
    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type.isEnum()) {
            Matcher values = ENUM_VALUES.matcher(String.valueOf(e.getOriginalMessage()));
            String allowed = values.find() ? values.group(1) : Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
            return "must be one of " + allowed;
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
