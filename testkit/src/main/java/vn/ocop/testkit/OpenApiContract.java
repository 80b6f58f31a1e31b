package vn.ocop.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a provincial integrator generating a client relies on, checked on every operation of a service's OpenAPI
 * document (the JSON of {@code /q/openapi}, as a map). Each finding names the operation ({@code POST /api/v1/x
 * (operationId)}) so that a new endpoint without its annotations or examples is found at once. Shared by the four
 * services' {@code OpenApiContractTest}s.
 */
public final class OpenApiContract {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private OpenApiContract() {
    }

    /**
     * Every operation has an operationId (unique), a tag, a summary, problem+json responses for 400 and 500, and the
     * right security: {@code security: []} exactly for the anonymous ones, otherwise a bearer requirement and a 401.
     *
     * @param anonymous tells, from {@code "METHOD /path"}, which operations need no account
     */
    @SuppressWarnings("unchecked")
    public static List<String> operationViolations(Map<String, Object> document, Predicate<String> anonymous) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (!"3.0.3".equals(document.get("openapi"))) {
            problems.add("openapi is " + document.get("openapi") + ", not 3.0.3");
        }
        if (!(document.get("servers") instanceof List<?> servers) || servers.isEmpty()) {
            problems.add("no servers");
        }
        if (!(document.get("security") instanceof List<?> security) || security.isEmpty()) {
            problems.add("no document-wide security requirement");
        }
        forEachOperation(document, (where, operation) -> {
            Object id = operation.get("operationId");
            if (id == null) {
                problems.add(where + ": no operationId");
            } else if (!ids.add((String) id)) {
                problems.add(where + ": operationId used twice");
            }
            if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                problems.add(where + ": no tag");
            }
            if (operation.get("summary") == null) {
                problems.add(where + ": no summary");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            for (String status : List.of("400", "500")) {
                Map<String, Object> response = responses == null ? null : responses.get(status);
                if (response == null || !(response.get("content") instanceof Map<?, ?> content)
                        || !content.containsKey("application/problem+json")) {
                    problems.add(where + ": no problem response " + status);
                }
            }
            String key = where.substring(0, where.indexOf(" ("));
            boolean isAnonymous = anonymous.test(key);
            List<?> security = (List<?>) operation.get("security");
            if (isAnonymous != (security != null && security.isEmpty())) {
                problems.add(where + ": security " + security + (isAnonymous ? ", expected [] (anonymous)" : ", expected bearer"));
            }
            if (!isAnonymous && (responses == null || !responses.containsKey("401"))) {
                problems.add(where + ": no 401");
            }
        });
        return problems;
    }

    /** The roles of the platform ({@code vn.ocop.platform.security.Roles}) and the operations console's. */
    private static final Set<String> ROLES = Set.of("central-officer", "province-officer", "inspector", "commune-officer",
            "council-member", "producer", "channel-operator", "auditor", "ops-admin");

    /**
     * Every operation's description says who may call it (the sentence OpenApiDocumentFilter derives from
     * {@code @RolesAllowed}/{@code @PermitAll}/{@code @Authenticated}), and it agrees with the operation's security:
     * "anyone, without an account" exactly on the anonymous operations, otherwise known roles or "any signed-in role".
     */
    @SuppressWarnings("unchecked")
    public static List<String> descriptionViolations(Map<String, Object> document) {
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            String description = (String) operation.get("description");
            int at = description == null ? -1 : description.indexOf("Who may call: ");
            if (at < 0) {
                problems.add(where + ": the description does not say who may call it");
                return;
            }
            String who = description.substring(at + "Who may call: ".length()).lines().findFirst().orElse("");
            boolean anonymous = operation.get("security") instanceof List<?> security && security.isEmpty();
            if (anonymous != who.startsWith("anyone, without an account")) {
                problems.add(where + ": security " + operation.get("security") + " but the description says: " + who);
            } else if (!anonymous && !who.startsWith("any signed-in role")) {
                for (String role : who.replaceAll("\\([^)]*\\)", "").replace(".", "").split(",")) {
                    if (!ROLES.contains(role.strip())) {
                        problems.add(where + ": the description names an unknown role '" + role.strip() + "'");
                    }
                }
            }
        });
        return problems;
    }

    /** The kinds of {@code vn.ocop.platform.security.ScopeRule}: what a caller gets outside its data scope. */
    public static final Set<String> SCOPE_KINDS = Set.of("PUBLIC", "NONE", "HIDDEN", "FORBIDDEN", "FILTERED");
    /** A role's data scope as the "Who may call" sentence states it ("its own province only", "within its own data scope"). */
    private static final Pattern WHO_MAY_CALL_NARROWED = Pattern.compile("\\bits own\\b|\\bonly\\b");

    /**
     * Every operation says what a caller gets outside its data scope: a known kind in {@code x-ocop-scope} and the
     * "Scope: ..." sentence after "Who may call" (both from the resource method's {@code @ScopeRule}), so a new
     * operation cannot leave it out; and where every caller sees every record (PUBLIC, NONE), "Who may call" does not
     * narrow a role to its province, producer or channel.
     */
    public static List<String> scopeViolations(Map<String, Object> document) {
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            Object kind = operation.get("x-ocop-scope");
            String description = String.valueOf(operation.get("description"));
            if (!SCOPE_KINDS.contains(String.valueOf(kind))) {
                problems.add(where + ": x-ocop-scope is " + kind + ", not one of " + new java.util.TreeSet<>(SCOPE_KINDS)
                        + " (annotate the resource method with @ScopeRule)");
            } else if (description.lastIndexOf("\n\nScope: ") < description.indexOf("Who may call: ")) {
                problems.add(where + ": the description does not end with its \"Scope: ...\" sentence after \"Who may call\"");
            } else if (Set.of("PUBLIC", "NONE").contains(String.valueOf(kind))
                    && WHO_MAY_CALL_NARROWED.matcher(description.substring(description.indexOf("Who may call: "),
                            description.lastIndexOf("\n\nScope: "))).find()) {
                problems.add(where + ": scope " + kind + " (every caller sees every record), but \"Who may call\" narrows a role");
            }
        });
        return problems;
    }

    /**
     * The {@code Problem.code} enum is exactly the set of codes the service's sources (and the platform's, and the
     * libraries' it includes) can answer: a new code must be added to {@code openapi/problem-codes.txt}, and a code
     * no longer answered removed.
     */
    @SuppressWarnings("unchecked")
    public static List<String> problemCodeViolations(Map<String, Object> document, java.nio.file.Path... sourceRoots) {
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.getOrDefault("schemas", Map.of());
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schemas.getOrDefault("Problem", Map.of())
                .getOrDefault("properties", Map.of());
        Set<String> documented = new java.util.TreeSet<>((List<String>) properties.getOrDefault("code", Map.of())
                .getOrDefault("enum", List.of()));
        Set<String> answered = ProblemCodes.inSources(sourceRoots);
        Set<String> literals = ProblemCodes.literalsIn(sourceRoots);
        List<String> problems = new ArrayList<>();
        answered.stream().filter(code -> !documented.contains(code))
                .forEach(code -> problems.add("Problem.code lacks " + code + " (add it to openapi/problem-codes.txt)"));
        documented.stream().filter(code -> !answered.contains(code) && !literals.contains(code))
                .forEach(code -> problems.add("Problem.code lists " + code + ", which no source answers"));
        return problems;
    }

    /** A 405 an operation lists declares the {@code Allow} header it carries. */
    @SuppressWarnings("unchecked")
    public static List<String> allowViolations(Map<String, Object> document) {
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
            Map<String, Object> notAllowed = responses.get("405");
            if (notAllowed != null && !(notAllowed.get("headers") instanceof Map<?, ?> headers && headers.containsKey("Allow"))) {
                problems.add(where + ": 405 without an Allow header");
            }
        });
        return problems;
    }

    /** The operationIds of the document, to assert that the ones integrators already use are still there. */
    public static List<String> operationIds(Map<String, Object> document) {
        List<String> ids = new ArrayList<>();
        forEachOperation(document, (where, operation) -> ids.add((String) operation.get("operationId")));
        return ids;
    }

    /**
     * Every request body and every success response shows an example: on the media type, on the schema, or on at
     * least one property of the schema ({@code $ref}s resolved; for arrays and the Page envelope, of the item schema).
     * A 2xx response without content is accepted only for 204; no 2xx at all only with {@code x-always-refused: true}.
     */
    @SuppressWarnings("unchecked")
    public static List<String> exampleViolations(Map<String, Object> document) {
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.getOrDefault("schemas", Map.of());
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                checkContent(where + " request body", (Map<String, Map<String, Object>>) requestBody.get("content"), schemas,
                        problems);
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
            List<String> success = responses.keySet().stream().filter(status -> status.startsWith("2")).toList();
            // x-always-refused: kept only to answer 409 with a reason (e.g. changing a published criteria set)
            if (success.isEmpty() && !Boolean.TRUE.equals(operation.get("x-always-refused"))) {
                problems.add(where + ": no 2xx response");
            }
            for (String status : success) {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) responses.get(status).get("content");
                if (content == null || content.isEmpty()) {
                    if (!"204".equals(status)) {
                        problems.add(where + " " + status + ": no content");
                    }
                    continue;
                }
                checkContent(where + " " + status, content, schemas, problems);
            }
        });
        return problems;
    }

    /**
     * Every example of a response validates against its schema, as a real response would (the testkit's
     * {@link vn.ocop.testkit.validation.ContractDocument}, which reads {@code allOf + nullable} as "X or null" the way
     * generated clients do): an example that lacks a required property or holds a value outside an enum is found here,
     * not by an integrator. Headers are not examples' business and are not judged.
     */
    @SuppressWarnings("unchecked")
    public static List<String> exampleSchemaViolations(Map<String, Object> document) {
        vn.ocop.testkit.validation.ContractDocument contract;
        try {
            contract = vn.ocop.testkit.validation.ContractDocument.of(JSON.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            String method = where.substring(0, where.indexOf(' '));
            String path = where.substring(where.indexOf(' ') + 1, where.indexOf(" ("));
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
            responses.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (content == null || !status.matches("\\d{3}")) {
                    return;
                }
                content.forEach((mediaType, media) -> {
                    if (!mediaType.contains("json")) {
                        return;
                    }
                    Map<String, Object> examples = new java.util.LinkedHashMap<>();
                    if (media.containsKey("example")) {
                        examples.put("example", media.get("example"));
                    }
                    if (media.get("examples") instanceof Map<?, ?> named) {
                        named.forEach((name, example) -> examples.put("examples." + name,
                                example instanceof Map<?, ?> object ? object.get("value") : null));
                    }
                    examples.forEach((name, example) -> {
                        byte[] body;
                        try {
                            body = JSON.writeValueAsBytes(example);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                        contract.mismatches(method, path, Integer.parseInt(status), mediaType, Map.of(), body).stream()
                                .filter(mismatch -> !mismatch.startsWith("validation.response.header"))
                                .forEach(mismatch -> problems.add(where + " " + status + " " + mediaType + " " + name + ": " + mismatch));
                    });
                });
            });
        });
        return problems;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private interface OperationVisitor {
        void visit(String where, Map<String, Object> operation);
    }

    @SuppressWarnings("unchecked")
    private static void forEachOperation(Map<String, Object> document, OperationVisitor visitor) {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (METHODS.contains(method) && operation instanceof Map<?, ?> map) {
                visitor.visit(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " (" + map.get("operationId") + ")",
                        (Map<String, Object>) map);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static void checkContent(String where, Map<String, Map<String, Object>> content,
                                     Map<String, Map<String, Object>> schemas, List<String> problems) {
        if (content == null || content.isEmpty()) {
            problems.add(where + ": no content");
            return;
        }
        content.forEach((mediaType, media) -> {
            boolean mediaExample = media.get("example") != null
                    || (media.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty());
            if (!mediaExample && !hasExample((Map<String, Object>) media.get("schema"), schemas, new HashSet<>())) {
                problems.add(where + " " + mediaType + ": no example");
            }
        });
    }

    /** An example on the schema, on one of its properties, or (array, Page envelope) on its item schema. */
    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> schema, Map<String, Map<String, Object>> schemas, Set<String> seen) {
        if (schema == null) {
            return false;
        }
        if (schema.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return seen.add(name) && hasExample(schemas.get(name), schemas, seen);
        }
        if (schema.get("example") != null || (schema.get("examples") instanceof List<?> examples && !examples.isEmpty())) {
            return true;
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.get(composition) instanceof List<?> parts) {
                for (Object part : parts) {
                    if (hasExample((Map<String, Object>) part, schemas, seen)) {
                        return true;
                    }
                }
            }
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            return hasExample((Map<String, Object>) items, schemas, seen);
        }
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        if (properties == null) {
            return false;
        }
        Map<String, Object> pageItems = properties.get("items");
        if (pageItems != null && pageItems.get("items") != null) {
            // The Page envelope {items, page, size, total}: its example is its item type's
            return hasExample((Map<String, Object>) pageItems.get("items"), schemas, seen);
        }
        return properties.values().stream().anyMatch(property -> property.get("$ref") == null
                && (property.get("example") != null || property.get("examples") instanceof List<?> list && !list.isEmpty()));
    }
}
