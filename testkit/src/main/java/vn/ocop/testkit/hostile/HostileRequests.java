package vn.ocop.testkit.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.testkit.hostile.Probe.Expect;

/**
 * The hostile requests for one operation, made from what its document says: its parameters, its request body's
 * media types, schema and example. Each probe changes one thing of an otherwise harmless request.
 */
final class HostileRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String MULTIPART = "multipart/form-data";
    private static final Set<String> PAGING = Set.of("page", "size");

    private final ApiOperation operation;
    private final Map<String, String> auth;
    private final List<Probe> probes = new ArrayList<>();

    private HostileRequests(ApiOperation operation, String token) {
        this.operation = operation;
        this.auth = Map.of("Authorization", "Bearer " + token);
    }

    static List<Probe> of(ApiOperation operation, String token) {
        HostileRequests requests = new HostileRequests(operation, token);
        requests.parameters();
        requests.jsonBody();
        requests.multipartBody();
        return requests.probes;
    }

    private void parameters() {
        boolean paged = operation.parameters().stream().map(ApiOperation.Parameter::name).toList().containsAll(PAGING);
        if (paged) {
            // Below a resource that does not exist (the probes' made-up ids) the 404 may come first.
            boolean nested = operation.path().contains("{");
            query("overflowing page", Map.of("page", "2147483647", "size", "100"), Expect.REFUSED, nested ? null : "page");
            query("negative page", Map.of("page", "-1"), Expect.REFUSED, nested ? null : "page");
            query("zero size", Map.of("size", "0"), Expect.REFUSED, nested ? null : "size");
            query("oversized size", Map.of("size", "100000"), Expect.REFUSED, nested ? null : "size");
            query("non-numeric page", Map.of("page", "abc"), Expect.REFUSED, nested ? null : "page");
        }
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String name = parameter.name();
            if ("path".equals(parameter.in())) {
                query("NUL in path " + name, Map.of(name, "a%00b"), Expect.REFUSED, null);
                query("escape character in path " + name, Map.of(name, "a%1Bb"), Expect.REFUSED, null);
                query("invalid UTF-8 in path " + name, Map.of(name, "a%FF%FEb"), Expect.REFUSED, null);
            } else if ("query".equals(parameter.in()) && !PAGING.contains(name)) {
                query("NUL in query " + name, Map.of(name, "a%00b"), Expect.REFUSED, name);
                query("control character in query " + name, Map.of(name, "a%07b"), Expect.REFUSED, name);
                String type = String.valueOf(parameter.schema().get("type"));
                if (parameter.schema().get("enum") != null || "integer".equals(type) || "boolean".equals(type)) {
                    query("wrong value in query " + name, Map.of(name, "NOT_A_VALUE"), Expect.REFUSED, name);
                } else if ("string".equals(type) && parameter.schema().get("format") == null) {
                    for (String like : List.of("%25", "_", "%5C", "%25_%25")) {
                        query("LIKE metacharacter " + like + " in query " + name, Map.of(name, like), Expect.HARMLESS, null);
                    }
                }
            }
        }
    }

    private void query(String name, Map<String, String> overrides, Expect expect, String field) {
        probes.add(new Probe(operation.toString(), name, operation.method(), operation.target(overrides), auth, null, expect, field));
    }

    @SuppressWarnings("unchecked")
    private void jsonBody() {
        Object sample = operation.sampleJsonBody();
        if (sample == null) {
            return;
        }
        byte[] valid = bytes(sample);
        body("no Content-Type", Map.of(), valid, null);
        body("text/plain Content-Type", Map.of("Content-Type", "text/plain"), valid, null);
        body("invalid UTF-8", Map.of("Content-Type", JSON_TYPE), "{\"a\": \"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1), null);
        body("truncated JSON", Map.of("Content-Type", JSON_TYPE), "{\"a\": ".getBytes(StandardCharsets.UTF_8), null);
        body("oversized body", Map.of("Content-Type", JSON_TYPE, "Content-Length", "1073741824"), valid, null);
        // An array body (a table of rows) gets the field probes in its first element, named [0].field.
        boolean array = sample instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>;
        Map<?, ?> object = array ? (Map<?, ?>) ((List<?>) sample).get(0) : sample instanceof Map<?, ?> map ? map : null;
        if (object == null) {
            return;
        }
        String prefix = array ? "[0]." : "";
        @SuppressWarnings("unchecked")
        Map<String, Object> unknown = new LinkedHashMap<>((Map<String, Object>) copy(object));
        unknown.put("hostileUnknownField", List.of("junk"));
        json("unknown field", bytes(array ? replaced(sample, List.of(0), unknown) : unknown), prefix + "hostileUnknownField");
        if (!object.isEmpty()) {
            String first = String.valueOf(object.keySet().iterator().next());
            String text = new String(valid, StandardCharsets.UTF_8);
            int open = array ? 2 : 1; // after "[{" or "{"
            String duplicated = text.substring(0, open) + text(first) + ":" + text(object.get(first)) + "," + text.substring(open);
            json("duplicate key " + first, duplicated.getBytes(StandardCharsets.UTF_8), prefix + first);
        }
        Map<String, Object> schema = jsonSchema();
        leaves(sample, new ArrayList<>(), (path, value) -> {
            String field = pathText(path);
            if (value instanceof String) {
                json("NUL in " + field, bytes(replaced(sample, path, "a\u0000b")), field);
                json("escape character in " + field, bytes(replaced(sample, path, "a\u001bb")), field);
            }
            Object wrong = value instanceof String ? Map.of("x", 1) : value instanceof Number ? "not a number"
                    : value instanceof Boolean ? "maybe" : value instanceof List ? "x" : 5;
            boolean scalar = value instanceof String || value instanceof Number || value instanceof Boolean;
            json("wrong type in " + field, bytes(replaced(sample, path, wrong)), scalar ? field : null);
            if (operation.schemas().at(schema, path).get("enum") != null) {
                json("unknown enum value in " + field, bytes(replaced(sample, path, "NOT_A_VALUE")), field);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonSchema() {
        Map<String, Object> media = operation.bodyMedia(JSON_TYPE);
        return (Map<String, Object>) media.getOrDefault("schema", Map.of());
    }

    private void json(String name, byte[] body, String field) {
        body(name, Map.of("Content-Type", JSON_TYPE), body, field);
    }

    private void body(String name, Map<String, String> headers, byte[] body, String field) {
        Map<String, String> all = new LinkedHashMap<>(auth);
        all.putAll(headers);
        probes.add(new Probe(operation.toString(), name, operation.method(), operation.target(Map.of()), all, body, Expect.REFUSED, field));
    }

    private void multipartBody() {
        if (operation.bodyMedia(MULTIPART) == null) {
            return;
        }
        byte[] part = ("--hostile\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 truncated").getBytes(StandardCharsets.UTF_8);
        body("multipart without boundary", Map.of("Content-Type", MULTIPART), part, null);
        body("multipart never closed", Map.of("Content-Type", MULTIPART + "; boundary=hostile"), part, null);
        body("multipart with another boundary", Map.of("Content-Type", MULTIPART + "; boundary=other"), part, null);
        body("multipart part without headers", Map.of("Content-Type", MULTIPART + "; boundary=hostile"),
                "--hostile\r\n\r\nabc\r\n--hostile--\r\n".getBytes(StandardCharsets.UTF_8), null);
        body("multipart that is JSON", Map.of("Content-Type", MULTIPART + "; boundary=hostile"),
                "{\"file\": 1}".getBytes(StandardCharsets.UTF_8), null);
    }

    /** Every value of the body (objects and arrays too), with its path: names and list indexes. */
    @SuppressWarnings("unchecked")
    private static void leaves(Object node, List<Object> path, BiConsumer<List<Object>, Object> visitor) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                List<Object> child = new ArrayList<>(path);
                child.add(String.valueOf(name));
                visitor.accept(child, value);
                leaves(value, child, visitor);
            });
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            visitor.accept(child, list.get(0));
            leaves(list.get(0), child, visitor);
        }
    }

    /** A copy of the body with the value at {@code path} replaced. */
    @SuppressWarnings("unchecked")
    private static Object replaced(Object body, List<Object> path, Object value) {
        Object copy = copy(body);
        Object parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? ((List<Object>) parent).get(index) : ((Map<String, Object>) parent).get(path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) parent).set(index, value);
        } else {
            ((Map<String, Object>) parent).put((String) last, value);
        }
        return copy;
    }

    /** {@code items[0].name}, the way problem violations name a field. */
    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step);
            }
        }
        return text.toString();
    }

    private static Object copy(Object value) {
        try {
            return JSON.readValue(bytes(value), Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }
}
