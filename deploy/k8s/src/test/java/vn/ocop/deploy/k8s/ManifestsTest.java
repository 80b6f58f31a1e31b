package vn.ocop.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ocop.events.Topics;

/**
 * The build gate for deploy/k8s: every overlay renders with kubectl kustomize, every rendered object matches the
 * schema of its kind ({@link ObjectValidator}), and the objects keep the promises the README makes to operators
 * (locked-down pods, probes on the Quarkus health endpoints, migrations only in the Job, no secret values, topics
 * and environment variables that match what the code uses, default-deny networking).
 */
class ManifestsTest {
    static final List<String> SERVICES = List.of("registry", "evaluation", "market", "monitoring");
    private static final Path K8S = Overlays.K8S;
    private static final Path REPO = Overlays.REPO;

    /** Renders every overlay once per test JVM (other test classes of this module call it too). */
    @BeforeAll
    static void render() {
        Overlays.get("prod");
    }

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    @Test
    void thereAreDevAndProdOverlays() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectMatchesTheSchemaOfItsKind(String overlay) {
        Rendered rendered = Overlays.get(overlay);
        ObjectValidator validator = new ObjectValidator();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode object : rendered.objects()) {
            problems.addAll(validator.validate(object));
            if (!seen.add(Rendered.id(object))) {
                problems.add(Rendered.id(object) + ": defined twice");
            }
        }
        assertThat(problems).as("overlay %s", overlay).isEmpty();
        assertThat(rendered.objects()).as("overlay %s renders the whole suite", overlay).hasSizeGreaterThan(40);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsDeploymentServiceAutoscalerBudgetMonitorPolicyJobAndDatabase(String overlay) {
        Rendered r = Overlays.get(overlay);
        for (String service : SERVICES) {
            String app = service + "-service";
            assertThat(r.find("Deployment", app)).as("%s Deployment in %s", app, overlay).isPresent();
            assertThat(r.find("Service", app)).as("Service " + app).isPresent();
            assertThat(r.find("HorizontalPodAutoscaler", app)).as("HPA " + app).get()
                    .satisfies(h -> assertThat(h.at("/spec/scaleTargetRef/name").asText()).isEqualTo(app));
            assertThat(r.find("PodDisruptionBudget", app)).as("PDB " + app).get()
                    .satisfies(p -> assertThat(selects(p.at("/spec/selector"), apiPodLabels(r, app))).isTrue());
            assertThat(r.find("ServiceMonitor", app)).as("ServiceMonitor " + app).get().satisfies(m -> {
                assertThat(m.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
                assertThat(m.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
                assertThat(selects(m.at("/spec/selector"), r.find("Service", app).orElseThrow().at("/metadata/labels"))).isTrue();
            });
            assertThat(r.find("NetworkPolicy", app)).as("NetworkPolicy " + app).isPresent();
            assertThat(migrationJob(r, service)).as("migration Job of " + app).isPresent();
            assertThat(r.find("Cluster", "ocop-" + service + "-db")).as("database of " + app).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsLockedDownWithLimitsAndAWritableTmpOnly(String overlay) {
        List<String> problems = new ArrayList<>();
        workloads(Overlays.get(overlay)).forEach(w -> {
            JsonNode pod = Rendered.podSpec(w);
            String id = Rendered.id(w);
            check(problems, pod.at("/securityContext/runAsNonRoot").asBoolean(), id + ": runAsNonRoot");
            check(problems, "RuntimeDefault".equals(pod.at("/securityContext/seccompProfile/type").asText()), id + ": seccomp RuntimeDefault");
            check(problems, pod.at("/securityContext/runAsUser").asInt(0) > 0, id + ": numeric non-root runAsUser");
            check(problems, !pod.path("automountServiceAccountToken").asBoolean(true), id + ": no service account token");
            for (JsonNode c : pod.path("containers")) {
                String cid = id + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                check(problems, sc.has("allowPrivilegeEscalation") && !sc.path("allowPrivilegeEscalation").asBoolean(), cid + ": allowPrivilegeEscalation false");
                check(problems, sc.path("readOnlyRootFilesystem").asBoolean(), cid + ": readOnlyRootFilesystem");
                check(problems, textValues(sc.at("/capabilities/drop")).contains("ALL"), cid + ": drops ALL capabilities");
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        check(problems, c.path("resources").path(bound).has(resource), cid + ": resources." + bound + "." + resource);
                    }
                }
                String tmpVolume = null;
                for (JsonNode m : c.path("volumeMounts")) {
                    if ("/tmp".equals(m.path("mountPath").asText())) {
                        tmpVolume = m.path("name").asText();
                    }
                }
                String tmp = tmpVolume;
                check(problems, tmp != null && stream(pod.path("volumes")).anyMatch(v -> tmp.equals(v.path("name").asText()) && v.has("emptyDir")),
                        cid + ": /tmp from an emptyDir");
            }
        });
        assertThat(problems).as("overlay %s: pod hardening", overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAndPortsAreTheOnesTheServicesServe(String overlay) throws IOException {
        Rendered r = Overlays.get(overlay);
        for (String service : SERVICES) {
            String app = service + "-service";
            int port = Integer.parseInt(serviceProperties(service).getProperty("quarkus.http.port"));
            JsonNode container = Rendered.podSpec(r.find("Deployment", app).orElseThrow()).path("containers").get(0);
            assertThat(container.at("/ports/0/containerPort").asInt()).as("%s container port = quarkus.http.port", app).isEqualTo(port);
            assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(app + " startup probe").isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(app + " liveness probe").isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(app + " readiness probe").isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).at("/httpGet/port").asText()).as(app + " " + probe + " port").isEqualTo("http");
            }
            JsonNode svc = r.find("Service", app).orElseThrow();
            assertThat(svc.at("/spec/ports/0/port").asInt()).as(app + " Service port").isEqualTo(port);
            assertThat(selects(svc.at("/spec/selector"), apiPodLabels(r, app), true)).as(app + " Service selects its API pods").isTrue();
            assertThat(selects(svc.at("/spec/selector"), migrationPodLabels(r, service), true))
                    .as(app + " Service must not send traffic to the migration Job").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheMigrationJobRunsFlywayAndItRunsTheDeploymentsImage(String overlay) {
        Rendered r = Overlays.get(overlay);
        for (String service : SERVICES) {
            JsonNode deployment = r.find("Deployment", service + "-service").orElseThrow();
            JsonNode job = migrationJob(r, service).orElseThrow();
            JsonNode app = Rendered.podSpec(deployment).path("containers").get(0);
            JsonNode migrate = Rendered.podSpec(job).path("containers").get(0);
            assertThat(env(app).get("QUARKUS_FLYWAY_MIGRATE_AT_START")).as(service + " pods must not migrate").isEqualTo("false");
            assertThat(env(migrate).get("QUARKUS_FLYWAY_MIGRATE_AT_START")).as(service + " Job migrates").isEqualTo("true");
            assertThat(env(migrate).get("QUARKUS_INIT_AND_EXIT")).as(service + " Job exits after migrating").isEqualTo("true");
            assertThat(migrate.path("image").asText()).as(service + " Job runs the release's image").isEqualTo(app.path("image").asText());
            assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1)).as(service + " maxUnavailable").isZero();
            assertThat(job.at("/spec/ttlSecondsAfterFinished").isInt()).as(service + " Job is removed after it finished").isTrue();
            assertThat(Rendered.podSpec(job).path("restartPolicy").asText()).isEqualTo("Never");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableTheServicesReadIsProvided(String overlay) throws IOException {
        Rendered r = Overlays.get(overlay);
        Set<String> read = environmentVariablesReadByThePlatform();
        assertThat(read).contains("OCOP_DB_URL", "OCOP_DB_USER", "OCOP_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "OCOP_JWT_PUBLIC_KEY_LOCATION");
        workloads(r).forEach(w -> {
            JsonNode container = Rendered.podSpec(w).path("containers").get(0);
            Map<String, String> all = new LinkedHashMap<>(env(container));
            for (JsonNode from : container.path("envFrom")) {
                String name = from.at("/configMapRef/name").asText();
                JsonNode map = r.find("ConfigMap", name).orElseThrow(() -> new AssertionError(Rendered.id(w) + " uses missing ConfigMap " + name));
                map.path("data").fields().forEachRemaining(e -> all.putIfAbsent(e.getKey(), e.getValue().asText()));
            }
            assertThat(all.keySet()).as("%s provides what the platform config reads", Rendered.id(w)).containsAll(read);
            String service = w.at("/metadata/labels/app.kubernetes.io~1name").asText().replace("-service", "");
            assertThat(all.get("OCOP_DB_URL")).as(Rendered.id(w) + " database")
                    .isEqualTo("jdbc:postgresql://ocop-" + service + "-db-rw:5432/ocop_" + service);
            assertThat(all.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(kafkaName(r) + "-kafka-bootstrap:" + KafkaUsersTest.TLS_PORT);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsRenderedAndEverySecretReferencedIsDocumented(String overlay) throws IOException {
        Rendered r = Overlays.get(overlay);
        assertThat(r.ofKind("Secret").map(Rendered::name)).as("Secrets in git (create them in the cluster instead)").isEmpty();
        String readme = Files.readString(K8S.resolve("README.md"));
        Set<String> referenced = new TreeSet<>();
        workloads(r).forEach(w -> {
            JsonNode pod = Rendered.podSpec(w);
            pod.findValues("secretKeyRef").forEach(ref -> referenced.add(ref.path("name").asText()));
            pod.path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    referenced.add(v.at("/secret/secretName").asText());
                }
            });
        });
        for (String secret : referenced) {
            boolean fromCnpg = secret.endsWith("-app") && r.find("Cluster", secret.substring(0, secret.length() - 4)).isPresent();
            boolean fromStrimzi = r.find("KafkaUser", secret).isPresent() || secret.equals(kafkaName(r) + "-cluster-ca-cert");
            assertThat(fromCnpg || fromStrimzi || readme.contains("create secret generic " + secret))
                    .as("secret %s is made by CloudNativePG or Strimzi, or its creation is in README.md", secret).isTrue();
        }
        assertThat(referenced).contains("ocop-jwt");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsAreExactlyTheTopicsTheCodeUses(String overlay) {
        Rendered r = Overlays.get(overlay);
        String cluster = kafkaName(r);
        assertThat(r.ofKind("KafkaTopic").map(t -> t.at("/spec/topicName").asText()).toList())
                .as("KafkaTopics vs vn.ocop.events.Topics.ALL").containsExactlyInAnyOrderElementsOf(Topics.ALL);
        int nodes = r.ofKind("KafkaNodePool").filter(p -> textValues(p.at("/spec/roles")).contains("broker"))
                .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        r.ofKind("KafkaTopic").forEach(t -> {
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).as(Rendered.id(t) + " cluster").isEqualTo(cluster);
            int replicas = t.at("/spec/replicas").asInt();
            assertThat(replicas).as(Rendered.id(t) + " replicas <= brokers").isBetween(1, nodes);
            assertThat(Integer.parseInt(t.at("/spec/config/min.insync.replicas").asText("1")))
                    .as(Rendered.id(t) + " min.insync.replicas leaves room for one broker down").isLessThanOrEqualTo(Math.max(1, replicas - 1));
        });
        r.ofKind("KafkaNodePool").forEach(p ->
                assertThat(p.at("/metadata/labels/strimzi.io~1cluster").asText()).as(Rendered.id(p)).isEqualTo(cluster));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsAreDeniedByDefaultAndTalkOnlyToDnsTheirDatabaseAndKafka(String overlay) {
        Rendered r = Overlays.get(overlay);
        JsonNode deny = r.find("NetworkPolicy", "ocop-default-deny").orElseThrow();
        assertThat(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode()).isTrue();
        assertThat(textValues(deny.at("/spec/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        for (String service : SERVICES) {
            String app = service + "-service";
            assertThat(selects(deny.at("/spec/podSelector"), apiPodLabels(r, app))).as("default deny covers " + app).isTrue();
            assertThat(selects(deny.at("/spec/podSelector"), migrationPodLabels(r, service))).as("default deny covers the Job").isTrue();
            JsonNode policy = r.find("NetworkPolicy", app).orElseThrow();
            assertThat(selects(policy.at("/spec/podSelector"), apiPodLabels(r, app))).isTrue();
            assertThat(selects(policy.at("/spec/podSelector"), migrationPodLabels(r, service))).isTrue();
            int port = Rendered.podSpec(r.find("Deployment", app).orElseThrow()).at("/containers/0/ports/0/containerPort").asInt();
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode p : rule.path("ports")) {
                    assertThat(p.path("port").asText()).as(app + " ingress port").isIn("http", String.valueOf(port));
                }
            }
            for (JsonNode rule : policy.at("/spec/egress")) {
                assertThat(rule.has("to")).as(app + " egress rule names its peers").isTrue();
                Set<Integer> ports = new TreeSet<>();
                rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                for (JsonNode to : rule.path("to")) {
                    JsonNode pods = to.at("/podSelector/matchLabels");
                    if (to.has("ipBlock")) {
                        assertThat(service).as("only market delivers webhooks outside the cluster").isEqualTo("market");
                        assertThat(ports).containsExactly(443);
                    } else if (pods.has("k8s-app")) {
                        assertThat(pods.path("k8s-app").asText()).isEqualTo("kube-dns");
                        assertThat(ports).containsExactly(53);
                    } else if (pods.has("cnpg.io/cluster")) {
                        assertThat(pods.path("cnpg.io/cluster").asText()).as(app + " reaches only its own database").isEqualTo("ocop-" + service + "-db");
                        assertThat(ports).containsExactly(5432);
                    } else {
                        assertThat(pods.path("strimzi.io/cluster").asText()).as(app + " egress peer " + to).isEqualTo(kafkaName(r));
                        assertThat(ports).containsExactly(KafkaUsersTest.TLS_PORT);
                    }
                }
            }
        }
    }

    // --- helpers

    static Stream<JsonNode> workloads(Rendered r) {
        return Stream.concat(r.ofKind("Deployment"), r.ofKind("Job"));
    }

    private static JsonNode apiPodLabels(Rendered r, String app) {
        return r.find("Deployment", app).orElseThrow().at("/spec/template/metadata/labels");
    }

    private static JsonNode migrationPodLabels(Rendered r, String service) {
        return migrationJob(r, service).orElseThrow().at("/spec/template/metadata/labels");
    }

    /** The service's migration Job: {@code <service>-migrate-<release>}, labelled as the migration of its service. */
    static java.util.Optional<JsonNode> migrationJob(Rendered r, String service) {
        List<JsonNode> jobs = r.ofKind("Job").filter(j -> Rendered.name(j).startsWith(service + "-migrate")
                && (service + "-service").equals(j.at("/metadata/labels/app.kubernetes.io~1name").asText())
                && "migration".equals(j.at("/metadata/labels/app.kubernetes.io~1component").asText())).toList();
        assertThat(jobs).as("one migration Job of %s in %s", service, r.overlay()).hasSizeLessThanOrEqualTo(1);
        return jobs.stream().findFirst();
    }

    static String kafkaName(Rendered r) {
        List<JsonNode> clusters = r.ofKind("Kafka").toList();
        assertThat(clusters).as("one Kafka cluster").hasSize(1);
        return Rendered.name(clusters.get(0));
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        return selects(selector, labels, false);
    }

    /** Whether a label selector (matchLabels/matchExpressions, or a plain map when {@code plain}) selects the labels. */
    private static boolean selects(JsonNode selector, JsonNode labels, boolean plain) {
        JsonNode match = plain ? selector : selector.path("matchLabels");
        boolean ok = !match.isEmpty() || selector.has("matchExpressions");
        for (Map.Entry<String, JsonNode> e : iterable(match)) {
            ok &= e.getValue().asText().equals(labels.path(e.getKey()).asText(null));
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asText()).asText(null);
            Set<String> values = new HashSet<>(textValues(expression.path("values")));
            ok &= switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
        }
        return ok;
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "<from " + e.path("valueFrom") + ">");
        }
        return env;
    }

    /** Upper-case ${NAME} references in the platform's shared config: the environment the services read. */
    private static Set<String> environmentVariablesReadByThePlatform() throws IOException {
        String config = Files.readString(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        Set<String> names = new TreeSet<>();
        for (String line : config.lines().toList()) {
            if (line.startsWith("#") || line.startsWith("%dev.") || line.startsWith("%test.")) {
                continue;
            }
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Properties serviceProperties(String service) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(REPO.resolve(service + "-service/src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    static List<String> textValues(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        object.fields().forEachRemaining(list::add);
        return list;
    }

    private static void check(List<String> problems, boolean ok, String what) {
        if (!ok) {
            problems.add("missing: " + what);
        }
    }
}
