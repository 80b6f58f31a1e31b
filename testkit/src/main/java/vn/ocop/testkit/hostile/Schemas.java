package vn.ocop.testkit.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The components of a document: {@code $ref}s resolved, and a harmless sample value for a schema. */
final class Schemas {
    private final Map<String, Object> document;

    Schemas(Map<String, Object> document) {
        this.document = document;
    }

    /** The object a {@code $ref} points to (followed until it is not a reference), or the object itself. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int depth = 0; current != null && current.get("$ref") instanceof String ref && depth < 20; depth++) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part);
            }
            current = (Map<String, Object>) target;
        }
        return current == null ? Map.of() : current;
    }

    /** A value of the schema's type: its example, its first enum value, or a plain value of its type. */
    @SuppressWarnings("unchecked")
    Object sample(Map<String, Object> raw) {
        return sample(raw, 0);
    }

    @SuppressWarnings("unchecked")
    private Object sample(Map<String, Object> raw, int depth) {
        Map<String, Object> schema = resolve(raw);
        if (schema.get("example") != null) {
            return schema.get("example");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        if (schema.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
            return sample((Map<String, Object>) parts.get(0), depth + 1);
        }
        String type = String.valueOf(schema.get("type"));
        return switch (type) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "string" -> switch (String.valueOf(schema.get("format"))) {
                case "uuid" -> java.util.UUID.randomUUID().toString();
                case "date" -> "2026-01-15";
                case "date-time" -> "2026-01-15T08:00:00Z";
                case "email" -> "hostile@example.vn";
                case "uri", "url" -> "https://example.vn/x";
                default -> "x";
            };
            case "array" -> depth > 4 ? List.of() : List.of(sample((Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1));
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth <= 4) {
                    ((Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of()))
                            .forEach((name, property) -> object.put(name, sample(property, depth + 1)));
                }
                yield object;
            }
        };
    }

    /** The schema of a property path inside a body schema ({@code items[0].name} style), resolved; empty when unknown. */
    @SuppressWarnings("unchecked")
    Map<String, Object> at(Map<String, Object> bodySchema, List<Object> path) {
        Map<String, Object> schema = resolve(bodySchema);
        for (Object step : path) {
            if (step instanceof Integer) {
                schema = resolve((Map<String, Object>) schema.getOrDefault("items", Map.of()));
            } else {
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                if (schema.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
                    properties = (Map<String, Object>) resolve((Map<String, Object>) parts.get(0)).getOrDefault("properties", Map.of());
                }
                schema = resolve(properties.get(step) instanceof Map<?, ?> property ? (Map<String, Object>) property : Map.of());
            }
        }
        return schema;
    }
}
