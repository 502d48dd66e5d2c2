package com.example.loyalty.gateway.ratelimit;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.example.loyalty.gateway.metrics.GatewayMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The limit of an authenticated caller, after authentication: one bucket per token subject ({@code sub}, the
 * principal name), as large as {@link SubjectLimits} says for the token's client and realm roles, so a store
 * chain's till integration signed in as one staff client is not throttled like a member's phone. Past the limit:
 * 429 ({@link TooManyRequests}, {@code limiter=subject}); the service is not called.
 * <p>
 * Requests without an identity (the public {@code /openapi/*} documents) are not counted here: they have paid at
 * {@link AddressRateLimitHandler} already.
 */
@ApplicationScoped
public class SubjectRateLimitHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(SubjectRateLimitHandler.class);

    private final boolean enabled;
    private final SubjectLimits limits;
    private final RateLimiter limiter;
    private final GatewayMetrics metrics;

    public SubjectRateLimitHandler(GatewayConfig config, GatewayMetrics metrics) {
        GatewayConfig.RateLimit rateLimit = config.rateLimit();
        this.enabled = rateLimit.enabled();
        this.limits = SubjectLimits.of(rateLimit);
        this.limiter = new RateLimiter(rateLimit.maxClients(), rateLimit.idleExpiry(), limits.all());
        this.metrics = metrics;
        if (enabled) {
            LOG.infof("Rate limit per token subject: %s", limits);
        } else {
            LOG.warn("Rate limits are off (gateway.rate-limit.enabled=false)");
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        SecurityIdentity identity = identity(ctx);
        if (!enabled || identity == null) {
            ctx.next();
            return;
        }
        String clientId = identity.getPrincipal() instanceof JsonWebToken token ? SubjectLimits.clientId(token) : null;
        Limit limit = limits.limitFor(clientId, identity.getRoles());
        RateLimiter.Decision decision =
                limiter.tryAcquire("sub:" + identity.getPrincipal().getName(), limit);
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        TooManyRequests.send(ctx, TooManyRequests.Limiter.SUBJECT, decision.retryAfterSeconds(), metrics);
    }

    /** The caller's identity if the request carried a valid token, else null. */
    static SecurityIdentity identity(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
                return identity;
            }
        }
        return null;
    }
}
