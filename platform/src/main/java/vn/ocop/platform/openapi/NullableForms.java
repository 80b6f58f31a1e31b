package vn.ocop.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes "X or null" in the 3.0 form linters and example validators accept (called last by {@link ResponseSchemas}).
 * The scanner models a nullable reference as {@code anyOf: [X, null]}, which the 3.0 document shows as
 * {@code allOf: [X], nullable: true} without a {@code type}: Redocly's {@code nullable-type-sibling} and the example
 * validators refuse that ({@code "nullable" cannot be used without "type"}). So:
 * <ul>
 * <li>a plain value type (UUID, LocalDate, Instant: a string with a format, no enum) is written inline,
 * {@code type: string, format: date, nullable: true}, which also lets an example hold {@code null};</li>
 * <li>a named enum or object keeps its reference, with X's {@code type} beside {@code nullable} (a generated client
 * keeps the named type).</li>
 * </ul>
 */
final class NullableForms {
    private NullableForms() {
    }

    static void apply(Components components, List<Schema> roots) {
        Map<String, Schema> schemas = components.getSchemas();
        List<Schema> all = new ArrayList<>(schemas.values());
        all.addAll(roots);
        for (Schema root : all) {
            ResponseSchemas.visit(root, schema -> rewrite(schema, schemas));
        }
    }

    private static void rewrite(Schema schema, Map<String, Schema> schemas) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || anyOf.get(0).getRef() == null || !isNull(anyOf.get(1))) {
            return;
        }
        String ref = anyOf.get(0).getRef();
        Schema target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target == null || target.getType() == null || target.getType().isEmpty()) {
            return;
        }
        Schema.SchemaType type = target.getType().get(0);
        schema.setAnyOf(null);
        if (target.getEnumeration() == null && target.getProperties() == null && type != Schema.SchemaType.OBJECT
                && type != Schema.SchemaType.ARRAY) {
            schema.setFormat(target.getFormat());
            schema.setPattern(target.getPattern());
            if (schema.getExample() == null) {
                schema.setExample(target.getExample());
            }
        } else {
            schema.setAllOf(List.of(anyOf.get(0)));
        }
        schema.setType(List.of(type, Schema.SchemaType.NULL));
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }
}
