package vn.ocop.testkit.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An operation of an OpenAPI document (the JSON of {@code /q/openapi} read as maps), as the probes need it. */
record ApiOperation(String id, String method, String path, List<Parameter> parameters, Map<String, Object> requestBody,
                    Set<Integer> statuses, boolean page, Schemas schemas) {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    record Parameter(String name, String in, Map<String, Object> schema, boolean required) {
    }

    @SuppressWarnings("unchecked")
    static List<ApiOperation> all(Map<String, Object> document) {
        Schemas schemas = new Schemas(document);
        List<ApiOperation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Parameter> parameters = new ArrayList<>();
            for (Object raw : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = schemas.resolve((Map<String, Object>) raw);
                parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                        schemas.resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of())),
                        Boolean.TRUE.equals(parameter.get("required"))));
            }
            Set<Integer> statuses = new TreeSet<>();
            ((Map<String, Object>) operation.getOrDefault("responses", Map.of())).keySet().stream()
                    .filter(status -> status.matches("\\d{3}")).forEach(status -> statuses.add(Integer.parseInt(status)));
            // A page for people (a 2xx with text/html) answers its errors as pages too, not as problem documents.
            boolean page = ((Map<String, Object>) operation.getOrDefault("responses", Map.of())).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("2") && e.getValue() instanceof Map<?, ?>)
                    .map(e -> ((Map<String, Object>) e.getValue()).get("content"))
                    .anyMatch(content -> content instanceof Map<?, ?> m && m.containsKey("text/html"));
            Map<String, Object> body = operation.get("requestBody") == null ? null
                    : schemas.resolve((Map<String, Object>) operation.get("requestBody"));
            operations.add(new ApiOperation((String) operation.get("operationId"), method.toUpperCase(Locale.ROOT), path,
                    parameters, body, statuses, page, schemas));
        }));
        return operations;
    }

    /** The methods the document declares on this operation's path. */
    @SuppressWarnings("unchecked")
    static Set<String> methodsOf(Map<String, Object> document, String path) {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> methods = new TreeSet<>();
        paths.get(path).keySet().stream().filter(METHODS::contains).forEach(m -> methods.add(m.toUpperCase(Locale.ROOT)));
        return methods;
    }

    /** The media type's entry of the request body, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> bodyMedia(String mediaType) {
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
        return (Map<String, Object>) content.get(mediaType);
    }

    /** A harmless request body of the JSON media type: its example, or one made from its schema. */
    @SuppressWarnings("unchecked")
    Object sampleJsonBody() {
        Map<String, Object> media = bodyMedia("application/json");
        if (media == null) {
            return null;
        }
        if (media.get("example") != null) {
            return media.get("example");
        }
        return schemas.sample((Map<String, Object>) media.get("schema"));
    }

    /** The request target with harmless path values and required query values; {@code overrides} win (raw, encoded). */
    String target(Map<String, String> overrides) {
        String target = path;
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            String value = overrides.containsKey(parameter.name()) ? overrides.get(parameter.name()) : sampleValue(parameter);
            if ("path".equals(parameter.in())) {
                target = target.replace("{" + parameter.name() + "}", value);
            } else if ("query".equals(parameter.in()) && (parameter.required() || overrides.containsKey(parameter.name()))) {
                query.put(parameter.name(), value);
            }
        }
        overrides.forEach((name, value) -> {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                query.put(name, value);
            }
        });
        StringBuilder result = new StringBuilder(target);
        String separator = "?";
        for (Map.Entry<String, String> entry : query.entrySet()) {
            result.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
            separator = "&";
        }
        return result.toString();
    }

    private String sampleValue(Parameter parameter) {
        Object sample = parameter.schema().get("enum") instanceof List<?> values && !values.isEmpty() ? values.get(0)
                : "uuid".equals(parameter.schema().get("format")) ? UUID.randomUUID()
                : "integer".equals(parameter.schema().get("type")) ? 1
                : parameter.schema().get("example") != null ? parameter.schema().get("example") : "x1";
        return java.net.URLEncoder.encode(String.valueOf(sample), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + id + ")";
    }
}
