package vn.ocop.registry.imports;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.JsonProblems;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.web.StrictJson;
import vn.ocop.platform.web.TextRules;
import vn.ocop.registry.imports.ImportViews.RowError;
import vn.ocop.registry.producer.ProducerRequest;
import vn.ocop.registry.product.ProductRequest;

/**
 * The shape of an import row (the schemas ImportProducerRow and ImportProductRow): a JSON object with a known
 * {@code type}, text keys, only the columns of its kind, values of the right JSON type and text without control
 * characters. A file with any row out of shape is refused whole before it is queued, as the API refuses a malformed
 * body; what needs the database (a commune, a tax code, a producerRef) or Bean Validation stays a per-row result.
 */
@ApplicationScoped
class RowShape {
    /** Violations a refusal lists; the detail still counts every malformed row. */
    static final int MAX_REPORTED = 20;
    static final List<String> KEYS = List.of("type", "externalRef", "producerRef");

    /** The API's strict reader: duplicate keys, unknown fields, wrong JSON types and control characters refused. */
    @Inject
    StrictJson strict;

    /** Reads an upload strictly (a duplicate key is a problem of its row) and refuses it whole if a row is out of shape. */
    List<Rows.Row> read(String mediaType, String body) {
        List<Rows.Row> rows = Rows.read(strict.mapper(), mediaType, body);
        List<Problem.Violation> violations = new ArrayList<>();
        int malformed = 0;
        for (Rows.Row row : rows) {
            List<RowError> errors = keys(row);
            if (errors.isEmpty()) {
                errors = values(row);
            }
            if (!errors.isEmpty()) {
                malformed++;
            }
            for (RowError error : errors) {
                if (violations.size() < MAX_REPORTED) {
                    violations.add(new Problem.Violation(field(row, error.field()), error.reason()));
                }
            }
        }
        if (malformed > 0) {
            Problem.Violation first = violations.get(0);
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body", malformed + (malformed == 1 ? " row is" : " rows are")
                    + " not import rows (first: " + first.field() + ": " + first.message() + "); nothing was queued. A field [i] is"
                    + " row i + 1; at most " + MAX_REPORTED + " violations are listed", violations);
        }
        return rows;
    }

    /** Row, kind, keys and columns: cheap, so the worker checks them again on rows queued before these rules. */
    static List<RowError> keys(Rows.Row row) {
        if (row.error() != null) {
            return List.of(new RowError(row.field() == null ? "row" : row.field(), row.error()));
        }
        List<RowError> errors = new ArrayList<>();
        for (String key : KEYS) {
            JsonNode value = row.value().get(key);
            if (value != null && !value.isNull() && !value.isTextual()) {
                errors.add(new RowError(key, "must be a string"));
            } else if (value != null && !TextRules.isCleanText(value.asText())) {
                errors.add(new RowError(key, TextRules.CONTROL_CHARACTER));
            }
        }
        String kind = ImportRows.kind(row.value().get("type"));
        if (kind == null) {
            if (errors.stream().noneMatch(e -> e.field().equals("type"))) {
                errors.add(new RowError("type", "must be producer or product"));
            }
            return errors;
        }
        List<String> allowed = kind.equals("producer") ? ImportRows.PRODUCER_COLUMNS : ImportRows.PRODUCT_COLUMNS;
        for (String column : Columns.unknown(row.value(), allowed)) {
            errors.add(new RowError(column, "unknown column for a " + kind + " row; allowed: " + String.join(", ", allowed)));
        }
        return errors;
    }

    /** JSON types and text of the request fields, read as the API reads a request body. */
    private List<RowError> values(Rows.Row row) {
        ObjectNode request = row.value().deepCopy();
        request.remove(KEYS);
        Class<?> type = "producer".equals(ImportRows.kind(row.value().get("type"))) ? ProducerRequest.class : ProductRequest.class;
        try {
            strict.mapper().treeToValue(request, type);
            return List.of();
        } catch (JsonProcessingException e) {
            Problem.Violation violation = JsonProblems.violation(e);
            return List.of(new RowError("body".equals(violation.field()) ? "row" : violation.field(), violation.message()));
        }
    }

    /** {@code [2].representative.fullName}: the path the field has in the JSON array form, for any form. */
    private static String field(Rows.Row row, String field) {
        return "[" + (row.number() - 1) + "]" + ("row".equals(field) ? "" : "." + field);
    }
}
