package com.example.loyalty.testing.contract;

import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API call a test makes with RestAssured is checked against the OpenAPI document of the service that answers it:
 * the request (path, method, parameters, headers, body) and the answer (a documented status, its content type and
 * body schema). Any mismatch fails the test with the validator's messages. The checks are the Atlassian
 * swagger-request-validator's ({@link ContractValidationFilter}); the documents are the running services' own
 * {@code /q/openapi}.
 * <p>
 * Which calls: those whose path starts with {@code /api/}; health, metrics and the documents themselves
 * ({@code /q/*}, {@code /openapi/*}) and other servers' paths (Keycloak's) are not API calls of a service.
 * <p>
 * Which document: a call whose path starts with a {@linkplain #route routed prefix} is checked against that prefix's
 * document (the end-to-end tests route {@code /api/points/} and the others to the services' documents, so calls made
 * through the gateway are checked against the service the gateway proxies them to); any other call against
 * {@code /q/openapi} of the server it went to (a {@code @QuarkusTest} calling its own service).
 * <p>
 * How it is on: {@link ContractValidationExtension}, registered once per module, installs it for every test.
 * Opt-outs, for tests that deliberately send what the document forbids: {@link SendsInvalidRequests} on the method or
 * class, or {@link #withoutRequestChecks} around some calls. The answers of those calls are still checked.
 */
public final class ContractValidation {

    private static final ContractValidationFilter FILTER = new ContractValidationFilter();
    private static final Map<String, String> ROUTES = new ConcurrentHashMap<>();
    private static volatile boolean checkRequests = true;

    private ContractValidation() {}

    /** Adds the validating filter to RestAssured's global filters, once. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(ContractValidationFilter.class::isInstance)) {
            RestAssured.filters(FILTER);
        }
    }

    /**
     * Checks calls whose path starts with {@code pathPrefix} (e.g. {@code /api/points/}) against the document at
     * {@code documentUrl} (e.g. {@code http://localhost:18081/q/openapi}), whichever server they are sent to.
     */
    public static void route(String pathPrefix, String documentUrl) {
        ROUTES.put(pathPrefix, documentUrl);
    }

    /** Whether requests are checked (answers always are); set before each test by {@link ContractValidationExtension}. */
    public static void checkRequests(boolean value) {
        checkRequests = value;
    }

    /** A block of test code that may throw. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /**
     * Runs {@code calls} without checking their requests against the document (their answers still are): for a part
     * of a test that deliberately sends what the document forbids. Applies to calls from any thread meanwhile.
     */
    public static synchronized <T> T withoutRequestChecks(Call<T> calls) throws Exception {
        boolean before = checkRequests;
        checkRequests = false;
        try {
            return calls.call();
        } finally {
            checkRequests = before;
        }
    }

    static boolean requestsChecked() {
        return checkRequests;
    }

    /**
     * The document URL of a call, by its routed prefix ({@code /api/surveys/} routes {@code /api/surveys} too), else
     * {@code <origin>/q/openapi}.
     */
    static String documentUrl(String origin, String path) {
        String best = null;
        for (String prefix : ROUTES.keySet()) {
            boolean under = path.startsWith(prefix)
                    || (prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1)));
            if (under && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best != null ? ROUTES.get(best) : origin + "/q/openapi";
    }
}
