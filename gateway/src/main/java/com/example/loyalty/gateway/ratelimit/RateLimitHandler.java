package com.example.loyalty.gateway.ratelimit;

import com.example.loyalty.gateway.metrics.GatewayMetrics;
import com.example.loyalty.gateway.web.Problem;
import com.example.loyalty.gateway.web.RequestContextHandler;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies the per-client limit after authentication: the key is the token subject ({@code sub}, the
 * principal name) when the request is authenticated, else the client IP. Past the limit: 429 with
 * {@code Retry-After} (whole seconds, rounded up) and a problem body; the service is not called.
 */
@ApplicationScoped
public class RateLimitHandler implements Handler<RoutingContext> {

    private final RateLimiter limiter;
    private final GatewayMetrics metrics;

    public RateLimitHandler(RateLimiter limiter, GatewayMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!limiter.enabled()) {
            ctx.next();
            return;
        }
        RateLimiter.Decision decision = limiter.tryAcquire(clientKey(ctx));
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        String upstream = ctx.get(RequestContextHandler.UPSTREAM_KEY);
        metrics.rateLimited(upstream != null ? upstream : GatewayMetrics.UNKNOWN_UPSTREAM);
        ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        Problem.of(
                        429,
                        "Rate limit exceeded; retry after " + decision.retryAfterSeconds() + " s.",
                        ctx.request().path(),
                        RequestContextHandler.requestId(ctx))
                .send(ctx.response());
    }

    static String clientKey(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
                return "sub:" + identity.getPrincipal().getName();
            }
        }
        var remote = ctx.request().remoteAddress();
        return "ip:" + (remote == null ? "unknown" : remote.host());
    }
}
