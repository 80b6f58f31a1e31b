package vn.ocop.testkit;

import org.awaitility.Awaitility;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Makes every {@code await()} of a {@code @QuarkusTest} evaluate its condition in the test's own thread, set once here
 * for all services (listed in {@code META-INF/services}, so it runs in the class loader the tests use). By default
 * Awaitility polls in another thread and interrupts it at the timeout; under load that thread may be loading the
 * response validator's classes (its JSON schema library runs Rhino for patterns), and an interrupted class
 * initialisation leaves that class unusable: every later response check of the JVM then fails with
 * NoClassDefFoundError, hiding the one real timeout under hundreds of unrelated failures.
 */
public class AwaitilityInTestThread implements QuarkusTestBeforeClassCallback {
    @Override
    public void beforeClass(Class<?> testClass) {
        try {
            Awaitility.pollInSameThread();
        } catch (NoClassDefFoundError e) {
            // a module whose tests do not use Awaitility: nothing to configure
        }
    }
}
