package vn.ocop.registry.imports;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The columns an import row may carry, taken from the request record it is read into, so that a column the import
 * does not know (a typo, or data such as {@code stars} it has no place for) is refused instead of silently dropped.
 */
final class Columns {
    private Columns() {
    }

    /** The dotted names of every field of {@code type}, nested records included ({@code representative.fullName}). */
    static List<String> of(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        collect(type, "", names);
        return names;
    }

    /** The fields of {@code row} that are not among {@code allowed}, as dotted names. */
    static List<String> unknown(JsonNode row, List<String> allowed) {
        List<String> unknown = new ArrayList<>();
        walk(row, "", allowed, unknown);
        return unknown;
    }

    private static void collect(Class<?> type, String prefix, List<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isRecord()) {
                collect(component.getType(), prefix + component.getName() + ".", names);
            } else {
                names.add(prefix + component.getName());
            }
        }
    }

    private static void walk(JsonNode node, String prefix, List<String> allowed, List<String> unknown) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            boolean parent = allowed.stream().anyMatch(a -> a.startsWith(name + "."));
            if (parent && field.getValue().isObject()) {
                walk(field.getValue(), name + ".", allowed, unknown);
            } else if (!parent && !allowed.contains(name)) {
                unknown.add(name); // a known parent given as a scalar is a wrong type, told when the row is read
            }
        }
    }
}
