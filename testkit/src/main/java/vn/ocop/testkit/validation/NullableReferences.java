package vn.ocop.testkit.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads {@code {nullable: true, allOf: [{$ref: X}]}}, the form OpenAPI 3.0 generators understand as "X or null", the
 * way they do: the schema validator would otherwise apply X's {@code type} to the null and refuse it. The property
 * becomes a copy of X with {@code nullable: true} (X's own references stay references).
 */
final class NullableReferences {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NullableReferences() {
    }

    static String inline(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            JsonNode schemas = root.path("components").path("schemas");
            rewrite(root, schemas);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an OpenAPI document in JSON", e);
        }
    }

    private static void rewrite(JsonNode node, JsonNode schemas) {
        if (node instanceof ObjectNode object && object.path("nullable").asBoolean(false)
                && object.path("allOf").size() == 1 && object.path("allOf").get(0).has("$ref")) {
            String ref = object.path("allOf").get(0).path("$ref").asText();
            JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            if (target instanceof ObjectNode referenced) {
                object.remove("allOf");
                for (Iterator<Map.Entry<String, JsonNode>> fields = referenced.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!object.has(field.getKey()) || "type".equals(field.getKey())) {
                        object.set(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
        }
        node.forEach(child -> rewrite(child, schemas));
    }
}
