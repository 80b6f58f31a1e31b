package vn.ocop.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.ocop.events.TopicAccess;

/**
 * Authenticated Kafka on Kubernetes: the cluster accepts only TLS connections with SCRAM-SHA-512 logins and authorises
 * them with ACLs; each service logs in as its own KafkaUser whose ACLs are exactly its {@link TopicAccess}, which in
 * turn matches the topics the service's configuration consumes.
 */
class KafkaUsersTest {
    static final int TLS_PORT = 9093;

    @BeforeAll
    static void render() throws IOException {
        Overlays.get("prod");
    }

    static java.util.stream.Stream<String> overlays() throws IOException {
        return ManifestsTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterHasOnlyAnAuthenticatedTlsListenerAndEnforcesAcls(String overlay) {
        Rendered r = Overlays.get(overlay);
        JsonNode kafka = r.find("Kafka", ManifestsTest.kafkaName(r)).orElseThrow();
        JsonNode listeners = kafka.at("/spec/kafka/listeners");
        assertThat(listeners.size()).isEqualTo(1);
        assertThat(listeners.get(0).path("port").asInt()).isEqualTo(TLS_PORT);
        assertThat(listeners.get(0).path("tls").asBoolean()).as("TLS").isTrue();
        assertThat(listeners.get(0).at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(kafka.at("/spec/entityOperator/userOperator").isObject()).as("User Operator makes the users").isTrue();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServicesKafkaUserGrantsExactlyItsTopicAccess(String overlay) {
        Rendered r = Overlays.get(overlay);
        assertThat(r.ofKind("KafkaUser").map(Rendered::name).toList())
                .containsExactlyInAnyOrderElementsOf(TopicAccess.ALL.stream().map(TopicAccess::principal).toList());
        for (TopicAccess access : TopicAccess.ALL) {
            JsonNode user = r.find("KafkaUser", access.principal()).orElseThrow();
            assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(ManifestsTest.kafkaName(r));
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                assertThat(acl.at("/resource/patternType").asText("literal")).as("no prefix grants").isEqualTo("literal");
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(acl.at("/resource/type").asText() + ":" + acl.at("/resource/name").asText() + ":" + operation.asText());
                }
            }
            assertThat(granted).as("ACLs of %s", access.principal()).isEqualTo(expected(access));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodLogsInAsItsServicesUserAndTrustsTheClusterCa(String overlay) {
        Rendered r = Overlays.get(overlay);
        ManifestsTest.workloads(r).forEach(w -> {
            String service = w.at("/metadata/labels/app.kubernetes.io~1name").asText().replace("-service", "");
            JsonNode pod = Rendered.podSpec(w);
            JsonNode container = pod.path("containers").get(0);
            Map<String, String> config = new java.util.HashMap<>();
            r.find("ConfigMap", container.at("/envFrom/0/configMapRef/name").asText()).orElseThrow()
                    .path("data").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            assertThat(config.get("OCOP_KAFKA_USERNAME")).as(Rendered.id(w)).isEqualTo(TopicAccess.forService(service).principal());
            assertThat(config.get("OCOP_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            JsonNode password = null;
            for (JsonNode e : container.path("env")) {
                if (e.path("name").asText().equals("OCOP_KAFKA_PASSWORD")) {
                    password = e.at("/valueFrom/secretKeyRef");
                }
            }
            assertThat(password).as(Rendered.id(w) + " password from the KafkaUser's Secret").isNotNull();
            assertThat(password.path("name").asText() + "/" + password.path("key").asText())
                    .isEqualTo(TopicAccess.forService(service).principal() + "/password");
            String truststore = config.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertThat(config.get("KAFKA_SSL_TRUSTSTORE_TYPE")).isEqualTo("PEM");
            String volume = null;
            for (JsonNode m : container.path("volumeMounts")) {
                if (truststore.startsWith(m.path("mountPath").asText() + "/")) {
                    volume = m.path("name").asText();
                }
            }
            assertThat(volume).as(Rendered.id(w) + " mounts " + truststore).isNotNull();
            for (JsonNode v : pod.path("volumes")) {
                if (v.path("name").asText().equals(volume)) {
                    assertThat(v.at("/secret/secretName").asText()).isEqualTo(ManifestsTest.kafkaName(r) + "-cluster-ca-cert");
                }
            }
        });
    }

    @Test
    void theTopicsAServiceMayReadAreTheTopicsItConsumes() throws IOException {
        for (TopicAccess access : TopicAccess.ALL) {
            List<String> consumed = List.of(ManifestsTest.serviceProperties(access.service())
                    .getProperty("mp.messaging.incoming.events-in.topics").split(","));
            List<String> extra = new ArrayList<>(access.reads());
            extra.removeAll(consumed);
            assertThat(access.reads()).as(access.service()).containsAll(consumed);
            // Monitoring's projection rebuild also replays its own topic; no other service reads beyond its inbox.
            assertThat(extra).as(access.service() + " reads beyond its inbox")
                    .isEqualTo(access.service().equals("monitoring") ? List.of("ocop.monitoring.events") : List.of());
        }
    }

    private static Set<String> expected(TopicAccess access) {
        Set<String> expected = new TreeSet<>();
        access.writes().forEach(t -> {
            expected.add("topic:" + t + ":Write");
            expected.add("topic:" + t + ":Describe");
        });
        access.reads().forEach(t -> {
            expected.add("topic:" + t + ":Read");
            expected.add("topic:" + t + ":Describe");
        });
        expected.add("group:" + access.group() + ":Read");
        return expected;
    }
}
