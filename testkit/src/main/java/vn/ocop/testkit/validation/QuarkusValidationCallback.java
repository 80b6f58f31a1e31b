package vn.ocop.testkit.validation;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Turns {@link ResponseValidation} on in every {@code @QuarkusTest} of a module that depends on the testkit. Quarkus
 * loads this callback (listed in {@code META-INF/services}) in the application's class loader, the one whose REST
 * Assured the tests use; a plain JUnit extension would configure another copy of REST Assured.
 */
public class QuarkusValidationCallback implements QuarkusTestBeforeClassCallback {
    @Override
    public void beforeClass(Class<?> testClass) {
        ResponseValidation.install();
    }
}
