package vn.ocop.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an operator needs beyond the workloads (README, "Ingress and TLS", "Alerts", "Databases: image and backups",
 * "Rolling out"): an HTTPS entry that routes the API and public pages to the right service and never /q/*, alert rules
 * on the suite's own metrics, release images by digest, pinned and backed-up databases, migration Jobs named per
 * release.
 */
class OperatorBasicsTest {
    private static final List<String> INTERNAL_PATHS = List.of("/q", "/q/", "/q/metrics", "/q/health/ready",
            "/q/health/live", "/q/openapi", "/q/swagger-ui/", "/q/health/well");
    private static final Pattern DIGEST_IMAGE = Pattern.compile("[^:@]+(:\\d+)?/[^:@]+@sha256:[0-9a-f]{64}");
    private static final Pattern METRIC = Pattern.compile("\\b(ocop_[a-z0-9_]+|http_server_requests_seconds_count)\\b");

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressRoutesTheApiAndPublicPagesToTheirServicesOverTlsAndNeverQ(String overlay) throws IOException {
        Rendered r = Overlays.get(overlay);
        List<JsonNode> ingresses = r.ofKind("Ingress").toList();
        assertThat(ingresses).as("an Ingress in %s", overlay).isNotEmpty();
        String readme = Files.readString(Overlays.K8S.resolve("README.md"));
        for (JsonNode ingress : ingresses) {
            String id = Rendered.id(ingress);
            assertThat(ingress.at("/spec/defaultBackend").isMissingNode()).as(id + ": no default backend").isTrue();
            Set<String> tlsHosts = new TreeSet<>();
            for (JsonNode tls : ingress.at("/spec/tls")) {
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
                assertThat(readme).as("README says how to make TLS secret " + tls.path("secretName").asText())
                        .contains("create secret tls " + tls.path("secretName").asText());
            }
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertThat(rule.path("host").asText()).as(id + ": every rule names its host").isNotEmpty();
                assertThat(tlsHosts).as(id + ": host served over TLS").contains(rule.path("host").asText());
                for (JsonNode path : rule.at("/http/paths")) {
                    String where = id + " " + rule.path("host").asText() + path.path("path").asText();
                    assertThat(path.path("pathType").asText()).as(where + ": a path type with defined matching").isIn("Prefix", "Exact");
                    for (String internal : INTERNAL_PATHS) {
                        assertThat(matches(path, internal)).as(where + " must not reach " + internal).isFalse();
                    }
                    String service = path.at("/backend/service/name").asText();
                    JsonNode svc = r.find("Service", service).orElseThrow(() -> new AssertionError(where + ": no Service " + service));
                    assertThat(svc.at("/spec/ports/0/name").asText()).as(where + " port").isEqualTo(path.at("/backend/service/port/name").asText());
                }
            }
        }
        for (String service : ManifestsTest.SERVICES) {
            String host = hostOf(r, service);
            assertThat(route(r, host, "/api/v1/anything")).as(host + "/api").contains(service + "-service");
            assertThat(route(r, host, "/api")).contains(service + "-service");
            assertThat(route(r, host, "/apiary")).as("Prefix matches whole path elements").isEmpty();
        }
        String registry = hostOf(r, "registry");
        assertThat(route(r, registry, "/c/OCOP-51-2026-00001")).contains("registry-service");
        assertThat(route(r, registry, "/01/08936000000017")).contains("registry-service");
        JsonNode config = registryConfig(r);
        assertThat(publicUrlRoute(r, config.path("OCOP_PUBLIC_BASE_URL").asText() + "/c/X"))
                .as("the QR codes' base URL serves the verification page").contains("registry-service");
        assertThat(publicUrlRoute(r, config.path("OCOP_PUBLIC_COMPLAINT_URL").asText())).contains("monitoring-service");
        assertThat(publicUrlRoute(r, config.path("OCOP_PUBLIC_WHERE_TO_BUY_URL").asText())).contains("market-service");
    }

    @Test
    void theQCheckWouldCatchACatchAllRule() {
        JsonNode catchAll = Rendered.parse("x", "path: /\npathType: Prefix\n").objects().get(0);
        JsonNode q = Rendered.parse("x", "path: /q\npathType: Prefix\n").objects().get(0);
        assertThat(matches(catchAll, "/q/metrics")).isTrue();
        assertThat(matches(q, "/q/health/ready")).isTrue();
        assertThat(matches(q, "/qr")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void alertsWatchTheOutboxDeadLettersWebhooksExpiryJobAndServerErrors(String overlay) throws IOException {
        Rendered r = Overlays.get(overlay);
        List<JsonNode> rules = new ArrayList<>();
        r.ofKind("PrometheusRule").forEach(p -> p.at("/spec/groups").forEach(g -> g.path("rules").forEach(rules::add)));
        String expressions = String.join("\n", rules.stream().map(rule -> rule.path("expr").asText()).toList());
        assertThat(expressions).contains("ocop_outbox_oldest_pending_age_seconds", "ocop_events_dead_lettered_total",
                "ocop_webhook_deliveries_total{outcome=", "ocop_expiry_last_run_timestamp_seconds",
                "http_server_requests_seconds_count{status=~\"5..\"}");
        Set<String> published = metricsTheServicesPublish();
        Matcher m = METRIC.matcher(expressions);
        while (m.find()) {
            assertThat(published).as("alerts use only metrics the services publish").contains(m.group(1));
        }
        Set<String> names = new TreeSet<>();
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertThat(alert).as("only alerting rules here").isNotEmpty();
            assertThat(names.add(alert)).as(alert + " defined once").isTrue();
            assertThat(rule.at("/labels/severity").asText()).as(alert + " severity").isIn("warning", "critical");
            assertThat(rule.at("/annotations/summary").asText()).as(alert + " summary").isNotEmpty();
            assertThat(rule.at("/annotations/description").asText()).as(alert + " says what to do").isNotEmpty();
            assertThat(Files.readString(Overlays.K8S.resolve("README.md"))).as("README explains " + alert).contains(alert);
        }
    }

    @Test
    void prodRunsReleaseImagesByDigest() {
        Rendered prod = Overlays.get("prod");
        Stream.concat(prod.ofKind("Deployment"), prod.ofKind("Job")).forEach(w -> Rendered.podSpec(w).path("containers")
                .forEach(c -> assertThat(c.path("image").asText()).as(Rendered.id(w) + " image").matches(DIGEST_IMAGE)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDatabaseRunsAPinnedPostgresqlImage(String overlay) {
        List<String> images = Overlays.get(overlay).ofKind("Cluster").map(c -> c.at("/spec/imageName").asText()).distinct().toList();
        assertThat(images).as("one PostgreSQL image for every database").hasSize(1);
        assertThat(images.get(0)).as("a full version or a digest, never a moving tag")
                .matches(".+/postgresql(:\\d+\\.\\d+[-.\\w]*|@sha256:[0-9a-f]{64})");
    }

    @Test
    void prodBacksEveryDatabaseUpToTheObjectStoreNightlyWithRetention() throws IOException {
        Rendered prod = Overlays.get("prod");
        String readme = Files.readString(Overlays.K8S.resolve("README.md"));
        List<JsonNode> clusters = prod.ofKind("Cluster").toList();
        assertThat(clusters).hasSize(ManifestsTest.SERVICES.size());
        for (JsonNode cluster : clusters) {
            String name = Rendered.name(cluster);
            JsonNode backup = cluster.at("/spec/backup");
            assertThat(backup.path("retentionPolicy").asText()).as(name + " retention").matches("[1-9]\\d*[dwm]");
            assertThat(backup.at("/barmanObjectStore/destinationPath").asText()).as(name + " object store").isNotEmpty();
            backup.at("/barmanObjectStore/s3Credentials").forEach(key -> assertThat(readme).as(name + " credentials secret is documented")
                    .contains("create secret generic " + key.path("name").asText()));
            List<JsonNode> scheduled = prod.ofKind("ScheduledBackup").filter(s -> name.equals(s.at("/spec/cluster/name").asText())).toList();
            assertThat(scheduled).as(name + " has a ScheduledBackup").hasSize(1);
            assertThat(scheduled.get(0).at("/spec/method").asText()).isEqualTo("barmanObjectStore");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void migrationJobsAreNamedPerReleaseAndCleanedUp(String overlay) {
        Rendered r = Overlays.get(overlay);
        Set<String> releases = new TreeSet<>();
        for (String service : ManifestsTest.SERVICES) {
            JsonNode job = ManifestsTest.migrationJob(r, service).orElseThrow();
            String name = Rendered.name(job);
            assertThat(name).as("the release in the Job's name").matches(Pattern.quote(service + "-migrate-") + "[a-z0-9][-a-z0-9]*");
            releases.add(name.substring((service + "-migrate-").length()));
            assertThat(job.at("/spec/ttlSecondsAfterFinished").asInt()).as(name + " removed after it finished").isPositive();
        }
        assertThat(releases).as("the four Jobs carry the same release").hasSize(1);
    }

    // --- helpers

    /** Kubernetes' matching of a request path against an Ingress path: Exact, or Prefix by whole path elements. */
    static boolean matches(JsonNode ingressPath, String request) {
        String path = ingressPath.path("path").asText();
        if ("Exact".equals(ingressPath.path("pathType").asText())) {
            return request.equals(path);
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
    }

    /** The Service a request to {@code host}{@code path} is sent to, if any (the longest matching path wins). */
    private static Optional<String> route(Rendered r, String host, String path) {
        JsonNode best = null;
        for (JsonNode ingress : r.ofKind("Ingress").toList()) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                if (!host.equals(rule.path("host").asText())) {
                    continue;
                }
                for (JsonNode p : rule.at("/http/paths")) {
                    if (matches(p, path) && (best == null || p.path("path").asText().length() > best.path("path").asText().length())) {
                        best = p;
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(p -> p.at("/backend/service/name").asText());
    }

    private static Optional<String> publicUrlRoute(Rendered r, String url) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme()).as(url).isEqualTo("https");
        return route(r, uri.getHost(), uri.getPath());
    }

    private static String hostOf(Rendered r, String service) {
        List<String> hosts = r.ofKind("Ingress").flatMap(i -> {
            List<String> found = new ArrayList<>();
            i.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(p -> {
                if ("/api".equals(p.path("path").asText()) && (service + "-service").equals(p.at("/backend/service/name").asText())) {
                    found.add(rule.path("host").asText());
                }
            }));
            return found.stream();
        }).toList();
        assertThat(hosts).as("one host serves the API of " + service).hasSize(1);
        return hosts.get(0);
    }

    private static JsonNode registryConfig(Rendered r) {
        String name = Rendered.podSpec(r.find("Deployment", "registry-service").orElseThrow()).at("/containers/0/envFrom/0/configMapRef/name").asText();
        return r.find("ConfigMap", name).orElseThrow().path("data");
    }

    /**
     * Prometheus names of the meters the code registers ("ocop.outbox.backlog" → ocop_outbox_backlog, counters with
     * _total), plus Quarkus's HTTP server timer.
     */
    private static Set<String> metricsTheServicesPublish() throws IOException {
        Set<String> names = new TreeSet<>(Set.of("http_server_requests_seconds_count"));
        Pattern meter = Pattern.compile("\"(ocop\\.[a-z0-9._]+)\"");
        try (Stream<Path> files = Files.walk(Overlays.REPO)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")).toList()) {
                Matcher m = meter.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1).replace('.', '_');
                    names.add(name);
                    names.add(name + "_total");
                }
            }
        }
        return names;
    }
}
