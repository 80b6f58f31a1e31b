package vn.ocop.platform.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the schemas say what the responses carry, so that a generated client can trust them (called last by
 * {@link OpenApiDocumentFilter}):
 * <ul>
 * <li>every property of a schema that only responses use is {@code required}: the API's JSON mapper writes every
 * property, {@code null} included (except where a class says otherwise: {@code Problem}); whether it may be
 * {@code null} is said on the field itself ({@code @Schema(nullable = true)});</li>
 * <li>the page envelope of a list is named after its items ({@code ProducerPage}, not {@code PageProducerView});</li>
 * <li>{@code MonthDay} is the {@code --MM-dd} text Jackson writes, not the object the scanner sees.</li>
 * </ul>
 * Schemas that requests also use keep the {@code required} list of their validation, since a client must be free to
 * leave optional fields out of a request. The services' tests check every response against the result.
 */
final class ResponseSchemas {
    private static final String REF_PREFIX = "#/components/schemas/";
    /** {@code @JsonInclude(NON_NULL)} on the problem record: these are present only when they have a value. */
    private static final Map<String, Set<String>> OMITTED_WHEN_NULL = Map.of(
            "Problem", Set.of("detail", "instance", "violations"),
            // evaluation's criteria-sheet refusal: a problem whose errors list is there only for INVALID_CRITERIA_SHEET
            "SheetProblem", Set.of("detail", "instance", "errors"));

    private ResponseSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        renamePages(openAPI, components);
        monthDayAsText(components);
        Map<String, Schema> schemas = components.getSchemas();
        Set<String> requestSchemas = reachable(requestRoots(openAPI), schemas);
        Set<String> responseOnly = reachable(responseRoots(openAPI), schemas);
        responseOnly.removeAll(requestSchemas);
        for (String name : responseOnly) {
            requireAll(schemas.get(name), OMITTED_WHEN_NULL.getOrDefault(name, Set.of()));
        }
        List<Schema> roots = requestRoots(openAPI);
        roots.addAll(responseRoots(openAPI));
        NullableForms.apply(components, roots);
    }

    /** {@code PageXView} → {@code <item schema>Page}, every reference renamed with it. */
    private static void renamePages(OpenAPI openAPI, Components components) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> entry : components.getSchemas().entrySet()) {
            Schema schema = entry.getValue();
            Map<String, Schema> properties = schema.getProperties();
            if (!entry.getKey().startsWith("Page") || properties == null
                    || !properties.keySet().containsAll(List.of("items", "page", "size", "total"))
                    || properties.get("items").getItems() == null || properties.get("items").getItems().getRef() == null) {
                continue;
            }
            String item = name(properties.get("items").getItems().getRef());
            String target = item + "Page";
            if (!components.getSchemas().containsKey(target) && !renamed.containsValue(target)) {
                renamed.put(entry.getKey(), target);
            }
        }
        if (renamed.isEmpty()) {
            return;
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> schemas.put(renamed.getOrDefault(name, name), schema));
        components.setSchemas(schemas);
        Consumer<Schema> rename = schema -> {
            if (schema.getRef() != null && renamed.containsKey(name(schema.getRef()))) {
                schema.setRef(REF_PREFIX + renamed.get(name(schema.getRef())));
            }
        };
        schemas.values().forEach(schema -> visit(schema, rename));
        requestRoots(openAPI).forEach(schema -> visit(schema, rename));
        responseRoots(openAPI).forEach(schema -> visit(schema, rename));
    }

    private static void requireAll(Schema schema, Set<String> optional) {
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.getProperties().keySet().stream().filter(name -> !optional.contains(name)).forEach(required::add);
        schema.setRequired(required);
        // Objects declared inline (no schema of their own) are response-only too.
        schema.getProperties().values().forEach(property -> {
            Schema object = property.getItems() != null ? property.getItems() : property;
            if (object.getRef() == null && object.getProperties() != null) {
                requireAll(object, Set.of());
            }
        });
    }

    /** Jackson writes {@code java.time.MonthDay} as ISO {@code --MM-dd} (the round calendar's {@code "--04-30"}). */
    private static void monthDayAsText(Components components) {
        Schema monthDay = components.getSchemas().get("MonthDay");
        if (monthDay != null && monthDay.getProperties() != null && monthDay.getProperties().containsKey("dayOfMonth")) {
            components.addSchema("MonthDay", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                    .pattern("^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
                    .description("ISO 8601 month and day, --MM-dd").example("--04-30"));
        }
    }

    private static List<Schema> requestRoots(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    if (parameter.getSchema() != null) {
                        roots.add(parameter.getSchema());
                    }
                }
            }
            if (operation.getRequestBody() != null) {
                addSchemas(operation.getRequestBody().getContent(), roots);
            }
        });
        return roots;
    }

    private static List<Schema> responseRoots(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    addSchemas(response.getContent(), roots);
                }
            }
        });
        return roots;
    }

    private static void addSchemas(Content content, List<Schema> roots) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                if (media.getSchema() != null) {
                    roots.add(media.getSchema());
                }
            }
        }
    }

    private static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        if (openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                item.getOperations().values().forEach(action);
            }
        }
    }

    /** The component schemas the roots refer to, directly or through other components. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> schemas) {
        Set<String> found = new HashSet<>();
        List<Schema> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            visit(pending.remove(pending.size() - 1), schema -> {
                if (schema.getRef() != null && found.add(name(schema.getRef())) && schemas.get(name(schema.getRef())) != null) {
                    pending.add(schemas.get(name(schema.getRef())));
                }
            });
        }
        return found;
    }

    /** The schema and every schema nested in it (properties, items, compositions), not following references. */
    static void visit(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> visit(property, action));
        }
        visit(schema.getItems(), action);
        visit(schema.getAdditionalPropertiesSchema(), action);
        visit(schema.getNot(), action);
        for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(part -> visit(part, action));
            }
        }
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
