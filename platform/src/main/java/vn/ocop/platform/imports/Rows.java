package vn.ocop.platform.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.JsonProblems;
import vn.ocop.platform.problem.Problem;

/**
 * Reads uploaded tables into one JSON object per row, whatever the format: a JSON array, NDJSON (one object per line)
 * or CSV with a header line (RFC 4180 quoting; a dotted header such as {@code representative.fullName} becomes a nested
 * field). Rows are numbered from 1 in upload order; a row that cannot be read becomes an {@link Row#error()} instead of
 * stopping the whole upload, so callers can report it by number. In a JSON array an element that cannot be parsed ends
 * the reading (the elements after it cannot be found): a 400 naming it as {@code [index]}.
 */
public final class Rows {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    /**
     * One data row: its number, the parsed object (null when unreadable), why it could not be read and the field that
     * reason is about (e.g. a key given twice), if any.
     */
    public record Row(int number, ObjectNode value, String field, String error) {
        public Row(int number, ObjectNode value, String error) {
            this(number, value, null, error);
        }
    }

    private Rows() {
    }

    /**
     * The uploaded bytes as text, refusing what is not UTF-8: decoding leniently would turn a file saved in another
     * encoding into names full of U+FFFD, written without a word.
     */
    public static String utf8(byte[] body) {
        if (body == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body",
                    "The body is not valid UTF-8; save the file as UTF-8 and send it again");
        }
    }

    public static List<Row> read(ObjectMapper json, String mediaType, String body) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String text = body == null ? "" : stripBom(body);
        if (type.startsWith(CSV)) {
            return csv(json, text);
        }
        if (type.startsWith(NDJSON)) {
            return ndjson(json, text);
        }
        return array(json, text);
    }

    /** One element at a time, so that an element that cannot be read is named by its index, like a row of NDJSON. */
    private static List<Row> array(ObjectMapper json, String text) {
        List<Row> rows = new ArrayList<>();
        ObjectReader element = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // the next element is no trailing token
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body",
                        "Send a JSON array of objects, NDJSON (" + NDJSON + ") or CSV (" + CSV + ")");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int number = rows.size() + 1;
                try {
                    rows.add(row(number, element.readTree(parser)));
                } catch (JsonProcessingException e) {
                    Problem.Violation unreadable = unreadable(e);
                    String field = "[" + (number - 1) + "]" + (unreadable.field() == null ? "" : "." + unreadable.field());
                    throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body", field + ": " + unreadable.message(),
                            List.of(new Problem.Violation(field, unreadable.message())));
                }
            }
            if (parser.nextToken() != null) {
                throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body", "The body goes on after the JSON array");
            }
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body",
                    "The body is not a JSON array: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Row {@code number} of a JSON array or NDJSON body: an object, or a row that fails as not being one. */
    private static Row row(int number, JsonNode node) {
        return node != null && node.isObject() ? new Row(number, (ObjectNode) node, null) : new Row(number, null, "not a JSON object");
    }

    private static List<Row> ndjson(ObjectMapper json, String text) {
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            try {
                rows.add(row(number, json.readTree(line)));
            } catch (JsonProcessingException e) {
                Problem.Violation unreadable = unreadable(e);
                rows.add(new Row(number, null, unreadable.field(), unreadable.message()));
            }
        }
        return rows;
    }

    /** Why a row could not be read, naming its field where the reader knows it (a duplicate key); field null otherwise. */
    private static Problem.Violation unreadable(JsonProcessingException e) {
        Problem.Violation violation = JsonProblems.violation(e);
        return "body".equals(violation.field()) ? new Problem.Violation(null, "unreadable JSON: " + e.getOriginalMessage()) : violation;
    }

    private static List<Row> csv(ObjectMapper json, String text) {
        List<List<String>> records = parseCsv(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        // A column named twice would let one cell silently win over the other, as a duplicate JSON key would.
        String twice = header.stream()
                .filter(name -> !name.isEmpty() && header.indexOf(name) != header.lastIndexOf(name)).findFirst().orElse(null);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            int number = rows.size() + 1;
            if (twice != null) {
                rows.add(new Row(number, null, twice, "the header names this column more than once"));
                continue;
            }
            if (fields.size() != header.size()) {
                rows.add(new Row(number, null, "has " + fields.size() + " fields, the header has " + header.size()));
                continue;
            }
            ObjectNode row = json.createObjectNode();
            for (int c = 0; c < header.size(); c++) {
                String value = fields.get(c);
                if (value.isEmpty()) {
                    continue; // an empty CSV cell means "not given", as an absent JSON field does
                }
                put(row, header.get(c), value);
            }
            rows.add(new Row(number, row, null));
        }
        return rows;
    }

    private static void put(ObjectNode row, String path, String value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            row.put(path, value);
            return;
        }
        JsonNode child = row.get(path.substring(0, dot));
        ObjectNode nested = child instanceof ObjectNode o ? o : row.putObject(path.substring(0, dot));
        put(nested, path.substring(dot + 1), value);
    }

    /** RFC 4180: fields separated by commas, optionally quoted with "", doubled quotes inside quotes, CRLF or LF. */
    public static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
