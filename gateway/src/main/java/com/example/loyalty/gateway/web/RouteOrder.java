package com.example.loyalty.gateway.web;

/**
 * Order of the gateway's handlers on the Quarkus router, relative to the ones Quarkus installs
 * (CORS filter at -300, authentication at -200, authorization at -100, see
 * {@code io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities}).
 */
public final class RouteOrder {

    /** Request id, trace context, header stripping: before CORS and security, so even their answers carry the id. */
    public static final int REQUEST_CONTEXT = -1_000;
    /**
     * Oversized URLs, headers and bodies, and paths a service could read differently ({@link RequestLimitsHandler}):
     * right after the request context, before CORS, authentication and Quarkus' own body-size check (order -2).
     */
    public static final int REQUEST_LIMITS = -990;
    /** Problem JSON for failures (403, 500 ...) raised by any handler. */
    public static final int FAILURES = -1_000;
    /**
     * After CORS (a preflight is answered before, and costs nothing) and before authentication, so a request whose
     * address has spent its budget for requests without a valid token is refused before its token is verified.
     */
    public static final int ADDRESS_RATE_LIMIT = -250;
    /** After authentication, so the limit is per token subject and sized by its client and roles. */
    public static final int SUBJECT_RATE_LIMIT = 500;
    /** The proxy routes themselves. */
    public static final int PROXY = 600;
    /** {@code /api/**} that no upstream serves. */
    public static final int API_NOT_FOUND = 700;

    private RouteOrder() {}
}
