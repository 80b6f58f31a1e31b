package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {
    @TempDir
    Path repo;

    @Test
    void localDevDefaults() {
        StackConfig config = StackConfig.builder().repoRoot(repo).build();
        assertThat(config.workDir()).isEqualTo(repo.resolve(".ocop"));
        assertThat(config.databaseName(Service.REGISTRY)).isEqualTo("ocop_registry");
        assertThat(config.databaseName(Service.MONITORING)).isEqualTo("ocop_monitoring");
        assertThat(config.recreateDatabases()).isFalse();
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.keepBrokerData()).isTrue();
        assertThat(config.kafkaDataDir()).isEqualTo(repo.resolve(".ocop/kafka"));
        assertThat(config.services()).extracting(config::servicePort).containsExactly(8081, 8082, 8083, 8084);
        assertThat(config.javaOptions()).as("no repository at hand").isEqualTo(ServiceJvmOptions.FALLBACK);
        assertThat(Service.EVALUATION.jar(repo))
                .isEqualTo(repo.resolve("evaluation-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void servicesRunWithTheJvmOptionsOfTheImages() throws Exception {
        Path properties = repo.resolve(ServiceJvmOptions.SOURCE);
        Files.createDirectories(properties.getParent());
        Files.writeString(properties, "# the one place\nquarkus.jib.jvm-additional-arguments=-XX:+UseSerialGC,-Xms24m, -Xmx192m\n"
                + "quarkus.jib.environment-variables.\"MALLOC_ARENA_MAX\"=2\n");
        assertThat(StackConfig.builder().repoRoot(repo).build().javaOptions())
                .containsExactly("-XX:+UseSerialGC", "-Xms24m", "-Xmx192m");
        assertThat(ServiceJvmOptions.environment(repo)).as("the images' environment").containsExactly(entry("MALLOC_ARENA_MAX", "2"));
        assertThat(ServiceJvmOptions.environment(repo.resolve("elsewhere"))).isEmpty();
        assertThat(StackConfig.builder().repoRoot(repo).javaOptions(List.of("-Xmx1g")).build().javaOptions())
                .as("an explicit list replaces them").containsExactly("-Xmx1g");
    }

    @Test
    void theRepositorysListIsReadable() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(ServiceJvmOptions.of(root)).as("devstack runs from its module directory").contains("-XX:+UseSerialGC")
                .anyMatch(o -> o.startsWith("-Xmx"));
    }

    @Test
    void testDefaultsNeverTouchTheDevStack() {
        StackConfig config = StackConfig.forTests().toBuilder().repoRoot(repo).build();
        String suffix = java.util.Optional.ofNullable(System.getenv("TEST_PG_DATABASE_SUFFIX")).orElse("");
        assertThat(config.databasePrefix()).isEqualTo("ocop_e2e" + suffix + "_")
                .isNotEqualTo(StackConfig.localDev().databasePrefix());
        assertThat(config.recreateDatabases()).isTrue();
        assertThat(config.kafkaPort()).isZero();
        assertThat(config.keepBrokerData()).isFalse();
        assertThat(config.services()).extracting(config::servicePort).containsOnly(0);
    }

    @Test
    void findsTheRepositoryRootAboveTheModuleDirectory() {
        // Surefire runs in devstack/, which has a pom.xml but no mvnw: the walk must go on to the reactor root.
        Path root = StackConfig.findRepoRoot();
        assertThat(root.resolve("mvnw")).isRegularFile();
        assertThat(root.resolve("devstack/pom.xml")).isRegularFile();
    }

    @Test
    void theRootPropertyWins() {
        System.setProperty(StackConfig.REPO_ROOT_PROPERTY, repo.toString());
        try {
            assertThat(StackConfig.findRepoRoot()).isEqualTo(repo);
        } finally {
            System.clearProperty(StackConfig.REPO_ROOT_PROPERTY);
        }
    }

    @Test
    void serviceNamesAcceptBothForms() {
        assertThat(Service.of("registry")).isEqualTo(Service.REGISTRY);
        assertThat(Service.of("market-service")).isEqualTo(Service.MARKET);
        assertThatThrownBy(() -> Service.of("billing")).hasMessageContaining("registry, evaluation, market, monitoring");
        assertThatThrownBy(() -> StackConfig.builder().databasePrefix("drop table;")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logTailReadsTheLastLines() throws Exception {
        Path log = repo.resolve("x.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        assertThat(StackFiles.tail(log, 3)).isEqualTo(List.of("line 98", "line 99", "line 100"));
    }
}
