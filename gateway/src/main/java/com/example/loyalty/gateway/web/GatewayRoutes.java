package com.example.loyalty.gateway.web;

import com.example.loyalty.gateway.proxy.UpstreamProxies;
import com.example.loyalty.gateway.ratelimit.AddressRateLimitHandler;
import com.example.loyalty.gateway.ratelimit.SubjectRateLimitHandler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Everything the gateway installs on the Quarkus router, in one place and in order (see
 * {@link RouteOrder}): request context, problem JSON for failures, the limits on URL, headers, body and path shape, the rate limit by address (before
 * authentication) and by token subject (after it), the proxy routes and a 404 for unknown {@code /api} paths.
 * Authentication and CORS are Quarkus' own handlers, configured in {@code application.properties}.
 */
@ApplicationScoped
public class GatewayRoutes {

    private final RequestContextHandler requestContext;
    private final RequestLimitsHandler requestLimits;
    private final ProblemFailureHandler failures;
    private final AddressRateLimitHandler addressRateLimit;
    private final SubjectRateLimitHandler subjectRateLimit;
    private final UpstreamProxies proxies;

    public GatewayRoutes(
            RequestContextHandler requestContext,
            RequestLimitsHandler requestLimits,
            ProblemFailureHandler failures,
            AddressRateLimitHandler addressRateLimit,
            SubjectRateLimitHandler subjectRateLimit,
            UpstreamProxies proxies) {
        this.requestContext = requestContext;
        this.requestLimits = requestLimits;
        this.failures = failures;
        this.addressRateLimit = addressRateLimit;
        this.subjectRateLimit = subjectRateLimit;
        this.proxies = proxies;
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.REQUEST_CONTEXT).handler(requestContext);
        router.route().order(RouteOrder.FAILURES).failureHandler(failures);
        router.route().order(RouteOrder.REQUEST_LIMITS).handler(requestLimits);

        router.route("/api/*").order(RouteOrder.ADDRESS_RATE_LIMIT).handler(addressRateLimit);
        router.route("/openapi/*").order(RouteOrder.ADDRESS_RATE_LIMIT).handler(addressRateLimit);
        router.route("/api/*").order(RouteOrder.SUBJECT_RATE_LIMIT).handler(subjectRateLimit);
        router.route("/openapi/*").order(RouteOrder.SUBJECT_RATE_LIMIT).handler(subjectRateLimit);

        proxies.apiProxies()
                .forEach((upstream, proxy) -> router.route(upstream.apiPrefix() + "/*")
                        .order(RouteOrder.PROXY)
                        .handler(ctx -> proxy.handle(ctx.request())));
        proxies.openApiProxies()
                .forEach((upstream, proxy) -> router.route(HttpMethod.GET, "/openapi/" + upstream.name())
                        .order(RouteOrder.PROXY)
                        .handler(ctx -> proxy.handle(ctx.request())));

        router.route("/api/*")
                .order(RouteOrder.API_NOT_FOUND)
                .handler(ctx -> Problem.of(
                                404,
                                "No service is routed at this path.",
                                ctx.request().path(),
                                RequestContextHandler.requestId(ctx))
                        .send(ctx.response()));
    }
}
