package com.example.loyalty.points;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every {@code @QuarkusTest} class of this module, checks that every point is accounted for: runs the
 * reconciliation's invariants (every balance equals its ledger and its lots, no lot overdrawn, ...) against the
 * database the class used, and fails the class on any violation, naming them. Registered for every class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (quarkus-junit's own {@code junit-platform.properties}
 * turns on the auto-detection of extensions); plain unit test classes are left alone.
 * <p>
 * JUnit loads this extension with its own class loader, while Quarkus runs the application (and loads the test class)
 * in another one; the check is therefore made by {@link ReconciliationProbe}, loaded through the test class's loader,
 * inside the running application. Its after-all runs after Quarkus's own, while the application still runs.
 */
public class AccountingInvariantsExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        if (!isQuarkusTest(testClass)) {
            return;
        }
        ClassLoader loader = testClass.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        List<?> violations;
        try {
            Class<?> probe = Class.forName(ReconciliationProbe.class.getName(), true, loader);
            violations = (List<?>) probe.getMethod("violations").invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError(
                    "the accounting invariants could not be checked after " + testClass.getName(), e.getCause());
        } finally {
            thread.setContextClassLoader(before);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("after " + testClass.getSimpleName() + " not every point is accounted for ("
                    + violations.size() + "):\n  "
                    + String.join(
                            "\n  ", violations.stream().map(String::valueOf).toList()));
        }
    }

    /** By name: the annotation's class may come from Quarkus's class loader, not this one's. */
    private static boolean isQuarkusTest(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (Arrays.stream(c.getAnnotations())
                    .anyMatch(a -> a.annotationType().getName().equals("io.quarkus.test.junit.QuarkusTest"))) {
                return true;
            }
        }
        return false;
    }
}
