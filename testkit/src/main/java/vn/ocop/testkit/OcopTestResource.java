package vn.ocop.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s: the JVM's Kafka broker and a database created fresh for
 * this run ({@code ocop_test_<service>}, plus {@code TEST_PG_DATABASE_SUFFIX} when several runs share one server). Use with {@code @QuarkusTestResource(value = OcopTestResource.class,
 * initArgs = @ResourceArg(name = "service", value = "registry"))}.
 */
public class OcopTestResource implements QuarkusTestResourceLifecycleManager {
    /** One fresh database per service per JVM, even when Quarkus restarts the application for another profile. */
    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null) {
            throw new IllegalArgumentException("OcopTestResource needs initArgs service=<registry|evaluation|market|monitoring>");
        }
    }

    @Override
    public Map<String, String> start() {
        String url = DATABASES.computeIfAbsent(service, s -> TestDatabases.recreate("ocop_test_" + s + TestDatabases.env("TEST_PG_DATABASE_SUFFIX", "")));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.datasource.username", TestDatabases.user());
        config.put("quarkus.datasource.password", TestDatabases.password());
        config.put("kafka.bootstrap.servers", TestBroker.bootstrapServers());
        // The service's own principal: the broker lets it do only what its ACLs allow, as in production.
        LocalKafka.serviceLogin(service).forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    @Override
    public void stop() {
        // The broker outlives the application: the next test class reuses it; the JVM's exit stops it.
    }
}
