package vn.ocop.deploy.k8s;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.ClassIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one rendered object against the schema of its kind, as strictly as the API server would, and then some.
 *
 * <p>Kubernetes kinds, the ServiceMonitor and Strimzi's kinds are bound to their Java models (fabric8's are
 * generated from the Kubernetes OpenAPI schema, Strimzi's are the classes its CRDs are generated from): a value of
 * the wrong type fails (no "3" for an int, no {@code true} for a string), and a field the model does not know is
 * reported with its path instead of being kept as an "additional property", which is how a misspelt
 * {@code readinesProbe} would otherwise slip through. CloudNativePG publishes no schema on Maven Central or npm: its
 * Cluster is checked against {@code schemas/cnpg-cluster-v1.schema.json}, a subset of the upstream schema that
 * lists the fields these manifests may use. A kind with neither is an error, so a new kind needs a schema first.
 */
final class ObjectValidator {
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));
    private static final Map<String, String> JSON_SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "/schemas/cnpg-cluster-v1.schema.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "/schemas/cnpg-scheduledbackup-v1.schema.json");
    // What the API server demands of names and labels (RFC 1123 subdomain, label syntax).
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private final ObjectMapper reader = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    // Writes a bound object back without its "additional properties": what is missing then was not understood.
    private final ObjectMapper writer = JsonMapper.builder().build();
    private final ObjectMapper plainWriter = JsonMapper.builder().build();

    ObjectValidator() {
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            reader.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        reader.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        reader.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        writer.setMixInResolver(new ClassIntrospector.MixInResolver() {
            @Override
            public Class<?> findMixInClassFor(Class<?> cls) {
                String name = cls.getName();
                return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.") ? WithoutAdditionalProperties.class : null;
            }

            @Override
            public ClassIntrospector.MixInResolver copy() {
                return this;
            }
        });
    }

    /** The kinds this validator has a schema for, as {@code apiVersion/kind}. */
    static List<String> knownKinds() {
        List<String> kinds = new ArrayList<>(MODELS.keySet());
        kinds.addAll(JSON_SCHEMAS.keySet());
        return kinds;
    }

    /** Problems with {@code object}, each prefixed with the object's kind and name; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String id = object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
        List<String> problems = new ArrayList<>();
        names(object, problems);
        Class<?> model = MODELS.get(type);
        String schema = JSON_SCHEMAS.get(type);
        if (model != null) {
            bind(object, model, problems);
        } else if (schema != null) {
            for (ValidationMessage message : schema(schema).validate(object)) {
                problems.add(message.getMessage());
            }
        } else {
            problems.add("no schema for " + type + " (known: " + knownKinds() + ")");
        }
        return problems.stream().map(p -> id + ": " + p).toList();
    }

    private void bind(JsonNode object, Class<?> model, List<String> problems) {
        Object bound;
        try {
            bound = reader.treeToValue(object, model);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("does not match the " + model.getSimpleName() + " schema: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        unknownFields(object, writer.valueToTree(bound), plainWriter.valueToTree(bound), "", problems);
    }

    /**
     * A field of {@code given} is unknown when the model kept it only as an "additional property": it is written back
     * by the plain writer but not by the one that leaves additional properties out. A field missing from both was
     * understood and dropped: fine for a default value (Strimzi's {@code deleteClaim: false}), an error otherwise.
     */
    private static void unknownFields(JsonNode given, JsonNode understood, JsonNode kept, String path, List<String> problems) {
        if (given.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String where = path + "." + field.getKey();
                JsonNode back = understood.get(field.getKey());
                if (back == null) {
                    if (kept.has(field.getKey())) {
                        problems.add("unknown field " + where.substring(1));
                    } else if (!defaultLike(field.getValue())) {
                        // Bound to nothing, e.g. a Strimzi enum that maps an unknown value to null.
                        problems.add("value not understood: " + where.substring(1) + " = " + field.getValue());
                    }
                } else {
                    unknownFields(field.getValue(), back, kept.path(field.getKey()), where, problems);
                }
            }
        } else if (given.isArray() && understood.isArray()) {
            for (int i = 0; i < given.size() && i < understood.size(); i++) {
                unknownFields(given.get(i), understood.get(i), kept.path(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean defaultLike(JsonNode value) {
        return value.isNull() || (value.isContainerNode() && value.isEmpty()) || (value.isBoolean() && !value.booleanValue())
                || (value.isNumber() && value.doubleValue() == 0) || (value.isTextual() && value.textValue().isEmpty());
    }

    private static void names(JsonNode object, List<String> problems) {
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty() || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            problems.add("metadata.name '" + name + "' is not a DNS-1123 subdomain");
        }
        if ("Service".equals(object.path("kind").asText()) && (name.length() > 63 || !DNS_LABEL.matcher(name).matches())) {
            problems.add("a Service name must be a DNS-1035 label");
        }
        metadata.path("labels").fields().forEachRemaining(label -> {
            String value = label.getValue().asText();
            if (!label.getValue().isTextual() || value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                problems.add("label " + label.getKey() + " has an invalid value '" + label.getValue() + "'");
            }
        });
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = ObjectValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mixed into every fabric8 and Strimzi model class when writing: the any-getter stays silent. */
    abstract static class WithoutAdditionalProperties {
        @JsonAnyGetter(enabled = false)
        abstract Map<String, Object> getAdditionalProperties();
    }
}
