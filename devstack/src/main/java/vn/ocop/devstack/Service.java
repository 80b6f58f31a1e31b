package vn.ocop.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four microservices a stack runs, with the conventions that tie module, port and database together. */
public enum Service {
    REGISTRY("registry", 8081),
    EVALUATION("evaluation", 8082),
    MARKET("market", 8083),
    MONITORING("monitoring", 8084);

    private final String shortName;
    private final int defaultPort;

    Service(String shortName, int defaultPort) {
        this.shortName = shortName;
        this.defaultPort = defaultPort;
    }

    /** {@code registry}, {@code evaluation}, ...: also the suffix of the service's database name. */
    public String shortName() {
        return shortName;
    }

    /** {@code registry-service}, ...: the Maven module and the name used in logs and tables. */
    public String moduleName() {
        return shortName + "-service";
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable jar that {@code ./mvnw install} builds for this service. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(moduleName()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** Accepts {@code registry}, {@code registry-service} or {@code REGISTRY}. */
    public static Service of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Service s : values()) {
            if (s.shortName.equals(wanted) || s.moduleName().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "'; known: "
                + Arrays.stream(values()).map(Service::shortName).collect(Collectors.joining(", ")));
    }
}
