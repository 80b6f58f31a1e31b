package vn.ocop.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.ScopeRule;

/**
 * What every service's OpenAPI document declares without each resource repeating it (set as {@code mp.openapi.filter}
 * in the platform defaults, so all four services get it):
 * <ul>
 * <li>the problem responses every operation can give (RFC 9457, {@code application/problem+json}, with an example
 * carrying the stable code), and the {@code Problem} schema they refer to;</li>
 * <li>{@code servers} ({@code ocop.openapi.servers}, by default this service on localhost) and the bearer security
 * scheme as the document-wide requirement; operations without a role check ({@code @PermitAll}: public catalogue,
 * certificate verification, complaint intake, public statistics) get an explicit empty requirement (anonymous);</li>
 * <li>who may call each operation and what a caller gets outside its data scope (OperationRoles: a "Who may call"
 * and a "Scope" sentence in the description, the scope rule's kind as {@code x-ocop-scope});</li>
 * <li>operation ids a service gives the operations of a shared resource ({@code ocop.openapi.operation-id.<id>=<its id>},
 * e.g. the product projection's {@code getProduct} is {@code getEvaluationProduct} in evaluation's document);</li>
 * <li>request and success-response examples kept beside the service in {@value #EXAMPLES}, keyed by operationId,
 * so that whole realistic bodies do not bury the resource classes under annotation strings.</li>
 * </ul>
 */
public class OpenApiDocumentFilter implements OASFilter {
    /** Classpath resource of a service: {@code {"operationId": {"request": {...}, "responses": {"200": {...}}}}}. */
    public static final String EXAMPLES = "openapi/examples.json";
    /** The closed set of problem codes a service answers: the platform's and, beside the examples, the service's own. */
    static final String PROBLEM_CODES = "openapi/problem-codes.txt";
    static final String PLATFORM_PROBLEM_CODES = "vn/ocop/platform/openapi/problem-codes.txt";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String SECURITY_SCHEME = "bearer";

    private record Problem(String status, String description, String code, String detail) {
    }

    private static final Problem BAD_REQUEST = new Problem("400", "Invalid input (violations name each field)",
            "VALIDATION_FAILED", "provinceCode: must be a 2-digit province code");
    private static final Problem UNAUTHENTICATED = new Problem("401", "No valid bearer token", "UNAUTHENTICATED",
            "Authentication is required");
    private static final Problem FORBIDDEN = new Problem("403", "Role or data scope does not allow this", "OUT_OF_SCOPE",
            "Your account may not act on province 51");
    private static final Problem NOT_FOUND = new Problem("404", "Unknown resource", "NOT_FOUND",
            "Product 0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001 does not exist");
    /*
     * 409 and 422 carry the service's own codes (Problem.code lists them); an example is shown only where it can happen
     * on every such operation (a conditional write, an Idempotency-Key) or where examples.json gives the operation's own.
     */
    private static final Problem CONFLICT = new Problem("409", "Conflicts with the current state", null, null);
    private static final Problem CONCURRENT_UPDATE = new Problem("409", "Conflicts with the current state", "CONCURRENT_UPDATE",
            "Another request changed this resource at the same time; read it again and retry");
    private static final Problem PRECONDITION_FAILED = new Problem("412", "If-Match names an old version", "PRECONDITION_FAILED",
            "The resource is now at version \"3\"; read it again and reapply your change");
    private static final Problem UNPROCESSABLE = new Problem("422", "Refused by a programme rule", null, null);
    private static final Problem KEY_REUSED = new Problem("422", "Refused by a programme rule", "IDEMPOTENCY_KEY_REUSED",
            "Idempotency-Key 3f1c was used for a different request body");
    private static final Problem PRECONDITION_REQUIRED = new Problem("428", "If-Match missing", "PRECONDITION_REQUIRED",
            "Send the ETag of your last read in the If-Match header");
    private static final Problem TOO_LARGE = new Problem("413", "Body larger than the operation accepts", "PAYLOAD_TOO_LARGE",
            "The JSON body is 600000 bytes; JSON bodies may have at most 524288");
    private static final Problem UNSUPPORTED_MEDIA_TYPE = new Problem("415", "Content-Type missing or not one the operation reads",
            "UNSUPPORTED_MEDIA_TYPE", "The request has a body but no Content-Type header; send the media type the operation documents");
    private static final Problem TOO_MANY_REQUESTS = new Problem("429", "Rate limit of this operation spent; Retry-After says when to retry",
            "RATE_LIMITED", "Too many requests of this kind from you; retry after 12 s");
    private static final Problem NOT_ACCEPTABLE = new Problem("406", "Accept names no media type the operation answers",
            "NOT_ACCEPTABLE", "Accept: text/html is not answered here; accept application/json");
    private static final Problem UNAVAILABLE = new Problem("503", "The database is briefly unavailable; retry after Retry-After seconds",
            "DATABASE_UNAVAILABLE", "The service cannot reach its database; retry in 5 seconds");
    private static final Problem INTERNAL = new Problem("500", "Unexpected error (an incident id is logged)", "INTERNAL_ERROR",
            "Unexpected error; quote incident 38313466-1be9-492f-bdce-66c2c8022e33");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        declareServers(openAPI, config);
        describeCommonAnswers(openAPI, config);
        declareProblemSchema(openAPI, problemCodes());
        boolean hasBearer = openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null
                && openAPI.getComponents().getSecuritySchemes().containsKey(SECURITY_SCHEME);
        if (hasBearer) {
            openAPI.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME))));
        }
        Map<String, Map<String, Object>> examples = loadExamples();
        Map<String, OperationRoles.Described> whoMayCall = OperationRoles.byOperation(classLoader());
        TreeSet<String> unused = new TreeSet<>(examples.keySet());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                boolean hasPathParameter = path.getKey().contains("{");
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                    Operation operation = entry.getValue();
                    renameOperation(operation, config);
                    describe(operation, whoMayCall.get(entry.getKey() + " " + path.getKey()));
                    document(entry.getKey(), operation, hasPathParameter, problemExamples(examples.get(operation.getOperationId())));
                    ResponseHeaders.declare(entry.getKey(), operation, path.getValue());
                    if (operation.getRequestBody() != null) {
                        ndjsonExamplesAsText(operation.getRequestBody().getContent());
                    }
                    if (operation.getOperationId() != null && examples.containsKey(operation.getOperationId())) {
                        unused.remove(operation.getOperationId());
                        addExamples(entry.getKey() + " " + path.getKey(), operation, examples.get(operation.getOperationId()));
                    }
                }
            }
        }
        if (!unused.isEmpty()) {
            // A renamed or removed operation would otherwise lose its examples silently.
            throw new IllegalStateException(EXAMPLES + " has examples for operations the document does not have: " + unused);
        }
        ResponseSchemas.apply(openAPI);
    }

    private static void renameOperation(Operation operation, Config config) {
        if (operation.getOperationId() != null) {
            config.getOptionalValue("ocop.openapi.operation-id." + operation.getOperationId(), String.class)
                    .ifPresent(operation::setOperationId);
        }
    }

    private static void declareServers(OpenAPI openAPI, Config config) {
        if (openAPI.getServers() != null && !openAPI.getServers().isEmpty()) {
            return;
        }
        Optional<List<String>> configured = config.getOptionalValues("ocop.openapi.servers", String.class);
        List<String> urls = configured.orElseGet(() -> List.of("http://localhost:"
                + config.getOptionalValue("quarkus.http.port", String.class).orElse("8080")));
        for (String url : urls) {
            openAPI.addServer(OASFactory.createServer().url(url).description(url.contains("localhost")
                    ? "This service run locally (./mvnw quarkus:dev, or the devstack)" : "Deployment"));
        }
    }

    /** Declared here because a service whose resources never name {@code Problem} would otherwise have a dangling $ref. */
    private static void declareProblemSchema(OpenAPI openAPI, List<String> codes) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null && components.getSchemas().containsKey("Problem")) {
            // Scanned from the platform's Problem record (a resource names it): give its code the closed set.
            Schema code = components.getSchemas().get("Problem").getProperties() == null ? null
                    : components.getSchemas().get("Problem").getProperties().get("code");
            if (code != null) {
                code.setEnumeration(new ArrayList<>(codes));
            }
            return;
        }
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", stringSchema("JSON path of the field in the request body, or the parameter name", "taxCode"))
                .addProperty("message", stringSchema(null, "must be 10 or 13 digits"));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details with a stable error code")
                .addProperty("type", stringSchema("URI reference identifying the problem type", "/problems/validation-failed"))
                .addProperty("title", stringSchema(null, "Request validation failed"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").example(400))
                .addProperty("detail", stringSchema(null, "2 fields are invalid"))
                .addProperty("instance", stringSchema("The request path", "/api/v1/producers"))
                .addProperty("code", stringSchema("Stable, machine-readable error code (the closed set this service answers; "
                        + "docs/integration-guide.md explains each)", "VALIDATION_FAILED").enumeration(new ArrayList<>(codes)))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("Field errors, for validation problems").items(violation)));
    }

    /**
     * Answers any operation may give before it runs (the platform's ProblemMappers and RequestLimits), said once in the
     * document's introduction rather than on each of its operations, after the service's own text
     * ({@code ocop.openapi.description}: Quarkus' own info-description would replace the whole text at run time).
     */
    static final String COMMON_ANSWERS = "Besides the statuses each operation lists, any request may be answered with an "
            + "application/problem+json document: 405 METHOD_NOT_ALLOWED for a method the path does not answer, with an "
            + "Allow header listing the methods it does; 413 PAYLOAD_TOO_LARGE for a body over the service's limit; "
            + "414 URI_TOO_LONG for a URI over " + vn.ocop.platform.web.RequestLimits.MAX_URI + " characters; 431 HEADERS_TOO_LARGE for "
            + "headers over " + vn.ocop.platform.web.RequestLimits.MAX_HEADERS + " bytes.";

    private static void describeCommonAnswers(OpenAPI openAPI, Config config) {
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        String own = config.getOptionalValue("ocop.openapi.description", String.class).orElse("");
        openAPI.getInfo().setDescription(own.isBlank() ? COMMON_ANSWERS : own.strip() + "\n\n" + COMMON_ANSWERS);
    }

    private static Schema stringSchema(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description).example(example);
    }

    private static void describe(Operation operation, OperationRoles.Described described) {
        if (described == null) {
            return; // not a resource method found by OperationRoles: OpenApiContract reports the missing sentence
        }
        String own = operation.getDescription();
        operation.setDescription(own == null || own.isBlank() ? described.text() : own.strip() + "\n\n" + described.text());
        if (described.scope() != null) {
            operation.addExtension(ScopeRule.EXTENSION, described.scope().value().name());
        }
    }

    /** Status → {code, detail} examples of one operation ({@code "problems"} of its entry in {@value #EXAMPLES}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> problemExamples(Map<String, Object> own) {
        return own != null && own.get("problems") instanceof Map<?, ?> map ? (Map<String, Map<String, Object>>) map : Map.of();
    }

    private static void document(PathItem.HttpMethod method, Operation operation, boolean hasPathParameter,
                                 Map<String, Map<String, Object>> problems) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET;
        boolean conditional = method == PathItem.HttpMethod.PUT || hasHeader(operation, "If-Match");
        add(responses, BAD_REQUEST);
        if (secured) {
            add(responses, UNAUTHENTICATED);
            add(responses, FORBIDDEN);
        } else {
            operation.setSecurity(new ArrayList<SecurityRequirement>());
        }
        if (hasPathParameter) {
            add(responses, NOT_FOUND);
        }
        if (write) {
            add(responses, conditional ? CONCURRENT_UPDATE : CONFLICT);
            add(responses, hasHeader(operation, "Idempotency-Key") ? KEY_REUSED : UNPROCESSABLE);
        }
        if (operation.getRequestBody() != null) {
            add(responses, TOO_LARGE);
        }
        if (operation.getRequestBody() != null || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            add(responses, UNSUPPORTED_MEDIA_TYPE); // InputGuard: a body without Content-Type, even where none is read
        }
        if (conditional) {
            add(responses, PRECONDITION_FAILED);
            add(responses, PRECONDITION_REQUIRED);
        }
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(RateLimited.EXTENSION)) {
            add(responses, TOO_MANY_REQUESTS);
            responses.getAPIResponse(TOO_MANY_REQUESTS.status()).addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds after which the operation accepts one more request from you")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).example(12)));
            // SmallRye copies a method's @Extension onto its responses too; the budget's name belongs to the operation only.
            responses.removeExtension(RateLimited.EXTENSION);
            responses.getAPIResponses().values().forEach(response -> response.removeExtension(RateLimited.EXTENSION));
        }
        add(responses, NOT_ACCEPTABLE);
        add(responses, UNAVAILABLE);
        add(responses, INTERNAL);
        if (responses.getAPIResponse(NOT_FOUND.status()) != null) {
            // A resource may declare a 404 with a description only (an unknown id given as a query value): give it the body.
            add(responses, NOT_FOUND);
        }
        for (Map.Entry<String, Map<String, Object>> own : problems.entrySet()) {
            // The operation's own example replaces the generic one, and may list a status the generic rules do not.
            APIResponse existing = responses.getAPIResponse(own.getKey());
            String description = existing != null && existing.getDescription() != null ? existing.getDescription()
                    : String.valueOf(own.getValue().getOrDefault("title", "Refused"));
            if (existing != null && existing.getContent() != null) {
                existing.getContent().removeMediaType(PROBLEM_MEDIA_TYPE); // pages for people (text/html) stay
            }
            add(responses, new Problem(own.getKey(), description, String.valueOf(own.getValue().get("code")),
                    String.valueOf(own.getValue().get("detail"))));
        }
        operation.setResponses(responses);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName()));
    }

    private static void add(APIResponses responses, Problem problem) {
        APIResponse existing = responses.getAPIResponse(problem.status());
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaType(PROBLEM_MEDIA_TYPE) != null) {
            return; // documented by the resource itself
        }
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        if (problem.code() != null) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "/problems/" + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'));
            example.put("title", problem.description());
            example.put("status", Integer.parseInt(problem.status()));
            example.put("detail", problem.detail());
            example.put("code", problem.code());
            media.setExample(example);
        }
        if (existing != null) {
            // Generated for bean validation or security, but without the body shape: add it, beside what the resource
            // itself declared for this status (a page for people, a JSON answer).
            if (existing.getContent() == null) {
                existing.setContent(OASFactory.createContent());
            }
            existing.getContent().addMediaType(PROBLEM_MEDIA_TYPE, media);
            if (existing.getDescription() == null || existing.getDescription().isBlank()) {
                existing.setDescription(problem.description());
            }
            return;
        }
        responses.addAPIResponse(problem.status(), OASFactory.createAPIResponse().description(problem.description())
                .content(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, media)));
    }

    @SuppressWarnings("unchecked")
    private static void addExamples(String where, Operation operation, Map<String, Object> entry) {
        Object request = entry.get("request");
        if (request != null) {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                throw new IllegalStateException(EXAMPLES + ": " + operation.getOperationId() + " (" + where + ") has no request body");
            }
            setExample(operation.getRequestBody().getContent(), request);
        }
        Map<String, Object> responses = (Map<String, Object>) entry.getOrDefault("responses", Map.of());
        for (Map.Entry<String, Object> response : responses.entrySet()) {
            APIResponse declared = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse(response.getKey());
            if (declared == null || declared.getContent() == null) {
                throw new IllegalStateException(EXAMPLES + ": " + operation.getOperationId() + " (" + where + ") declares no "
                        + response.getKey() + " response with content (add an @APIResponse with its schema)");
            }
            setExample(declared.getContent(), response.getValue());
        }
    }

    private static void setExample(Content content, Object example) {
        if (content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
            // JSON bodies only: a CSV or NDJSON variant keeps the text example its resource gives it.
            if (media.getKey().endsWith("json") && !PROBLEM_MEDIA_TYPE.equals(media.getKey()) && media.getValue().getExample() == null) {
                media.getValue().setExample(example);
            }
        }
    }

    /**
     * SmallRye parses an example that looks like JSON, so an NDJSON body (a string, one JSON object per line) would be
     * documented as an object and fail its string schema: write it back as lines (a JSON array becomes one line per
     * element, which is how a resource shows several NDJSON rows).
     */
    private static void ndjsonExamplesAsText(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((name, media) -> {
            if (!name.contains("ndjson")) {
                return;
            }
            if (media.getExample() != null && !(media.getExample() instanceof String)) {
                media.setExample(ndjson(media.getExample()));
            }
            if (media.getExamples() != null) {
                media.getExamples().values().forEach(example -> {
                    if (example.getValue() != null && !(example.getValue() instanceof String)) {
                        example.setValue(ndjson(example.getValue()));
                    }
                });
            }
        });
    }

    private static String ndjson(Object value) {
        ObjectMapper json = new ObjectMapper();
        List<?> rows = value instanceof List<?> list ? list : List.of(value);
        StringBuilder text = new StringBuilder();
        for (Object row : rows) {
            try {
                text.append(json.writeValueAsString(row)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == null ? OpenApiDocumentFilter.class.getClassLoader() : loader;
    }

    /** The platform's codes and the service's own, sorted, each once. */
    private static List<String> problemCodes() {
        TreeSet<String> codes = new TreeSet<>();
        for (String resource : List.of(PLATFORM_PROBLEM_CODES, PROBLEM_CODES)) {
            codes.addAll(listedLines(resource));
        }
        return new ArrayList<>(codes);
    }

    /** The non-blank lines of a classpath list file that are not {@code #} comments; none when it is absent. */
    static List<String> listedLines(String resource) {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static Map<String, Map<String, Object>> loadExamples() {
        ClassLoader loader = classLoader();
        try (InputStream in = loader.getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                return new LinkedHashMap<>();
            }
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EXAMPLES, e);
        }
    }
}
