package com.example.loyalty.testing.contract;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns {@link ContractValidation} on for every test of a module, without touching a test class: a module registers it
 * once, in {@code src/test/resources/META-INF/services/org.junit.jupiter.api.extension.Extension} (one line,
 * {@code com.example.loyalty.testing.contract.ContractValidationExtension}), and JUnit's extension auto-detection (on
 * through quarkus-junit's {@code junit-platform.properties}, or the module's own) applies it to every class.
 * <p>
 * Before all tests of a class (so {@code @BeforeAll} set-ups are checked too) it installs the validating filter into
 * RestAssured; before each test it reads {@link SendsInvalidRequests} on the method or its class (or an enclosing
 * class) and checks requests only where that is absent. JUnit loads this extension with its own class loader, while a
 * {@code @QuarkusTest} class and the RestAssured it calls live in Quarkus's: the work is therefore done by
 * {@link ContractValidation} loaded through the test class's own loader (as points-service's
 * {@code AccountingInvariantsExtension} does).
 */
public class ContractValidationExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        call(context.getRequiredTestClass(), "install", null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        boolean invalidRequests = sendsInvalidRequests(context.getRequiredTestMethod());
        for (Class<?> c = context.getRequiredTestClass(); c != null && !invalidRequests; c = c.getEnclosingClass()) {
            invalidRequests = sendsInvalidRequests(c);
        }
        call(context.getRequiredTestClass(), "checkRequests", !invalidRequests);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        call(context.getRequiredTestClass(), "checkRequests", true);
    }

    /** By name: the annotation's class may come from Quarkus's class loader, not this one's. */
    private static boolean sendsInvalidRequests(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(type -> type.getName().equals(SendsInvalidRequests.class.getName()));
    }

    /** Calls a static method of {@link ContractValidation} as the test class's loader has it. */
    private static void call(Class<?> testClass, String method, Boolean argument) throws Exception {
        ClassLoader loader = testClass.getClassLoader();
        try {
            Class<?> validation = Class.forName(ContractValidation.class.getName(), true, loader);
            if (argument == null) {
                validation.getMethod(method).invoke(null);
            } else {
                validation.getMethod(method, boolean.class).invoke(null, argument);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
