package vn.ocop.registry.correction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The fields that differ between two API views of a record, by their API names ({@code representative.fullName} for
 * a nested field): what {@code ProducerUpdated.changed} and the audit trail report. Bookkeeping fields (version,
 * timestamps, derived certification) are left out: they change because something else did.
 */
public final class FieldChanges {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt", "certification");

    private FieldChanges() {
    }

    public static List<String> between(Object before, Object after) {
        List<String> changed = new ArrayList<>();
        compare("", JSON.valueToTree(before), JSON.valueToTree(after), changed);
        return changed;
    }

    private static void compare(String prefix, JsonNode before, JsonNode after, List<String> changed) {
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (prefix.isEmpty() && BOOKKEEPING.contains(name)) {
                continue;
            }
            JsonNode was = before.get(name);
            JsonNode now = after.get(name);
            if (was != null && now != null && was.isObject() && now.isObject()) {
                compare(prefix + name + ".", was, now, changed);
            } else if (!Objects.equals(nullToMissing(was), nullToMissing(now))) {
                changed.add(prefix + name);
            }
        }
    }

    private static JsonNode nullToMissing(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
