package vn.ocop.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.ocop.devstack.Stack;
import vn.ocop.devstack.StackConfig;
import vn.ocop.testkit.validation.ResponseValidation;

/**
 * One stack (broker, PostgreSQL, the four packaged services) for every e2e class in the JVM: a start costs 20-40 s.
 * It lives in the root context's store, so JUnit closes it (Stack is AutoCloseable) after the last class. Scenarios
 * share it: each uses its own producers and products, and one that stops the broker must start it again. Every
 * response a scenario receives through REST Assured is checked against the OpenAPI document of the service that
 * gave it ({@link ResponseValidation}).
 */
public final class SharedStack implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);
    private static volatile Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        ResponseValidation.install();
        stack = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Stack.class, k -> Stack.launch(StackConfig.forTests()), Stack.class);
    }

    /** The running stack; only valid in classes extended with {@code @ExtendWith(SharedStack.class)}. */
    public static Stack stack() {
        if (stack == null) {
            throw new IllegalStateException("no stack: annotate the test class with @ExtendWith(SharedStack.class)");
        }
        return stack;
    }
}
