package com.example.loyalty.gateway.ratelimit;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.example.loyalty.gateway.metrics.GatewayMetrics;
import com.example.loyalty.security.VerifiedIdentities;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The budget of an address for requests without a valid token, spent before any token is verified (it runs
 * between CORS and authentication, see {@code RouteOrder}). The key is the connection's remote address
 * ({@link AddressKeys}); the gateway trusts no forwarding header.
 * <ul>
 * <li>A request without a bearer token takes a token from its address's bucket, or is refused with 429.</li>
 * <li>A request with a bearer token takes nothing up front. While its address's bucket is empty it is refused with
 * 429 at once, unverified, unless the token is one the gateway has recently seen pass verification
 * ({@link VerifiedIdentities}). If its token then fails authentication (the answer is 401), the address pays one token,
 * into debt if the bucket is empty (up to one bucket's worth), so requests that raced past the check are paid
 * for.</li>
 * <li>A valid token never takes from the address's bucket: a till chain's traffic is limited per subject only,
 * however many tills share its address.</li>
 * </ul>
 * Why: checking a signature is the most expensive thing the gateway does before proxying. Without this, a flood of
 * garbage tokens is verified one by one and never limited, because the subject limiter only sees requests that
 * passed authentication.
 */
@ApplicationScoped
public class AddressRateLimitHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(AddressRateLimitHandler.class);
    private static final String BEARER = "bearer ";

    private final boolean enabled;
    private final Limit limit;
    private final RateLimiter limiter;
    private final VerifiedIdentities verifiedTokens;
    private final GatewayMetrics metrics;

    public AddressRateLimitHandler(GatewayConfig config, GatewayMetrics metrics, VerifiedIdentities verifiedTokens) {
        GatewayConfig.RateLimit rateLimit = config.rateLimit();
        this.enabled = rateLimit.enabled();
        this.limit = Limit.of(
                        "gateway.rate-limit.address",
                        rateLimit.address().capacity(),
                        rateLimit.address().refillPerSecond())
                .perReplica(rateLimit.replicas());
        this.limiter = new RateLimiter(rateLimit.maxClients(), rateLimit.idleExpiry(), List.of(limit));
        this.verifiedTokens = verifiedTokens;
        this.metrics = metrics;
        if (enabled) {
            LOG.infof(
                    "Rate limit per address for requests without a valid token: %s in this replica (1 of %d)",
                    limit, rateLimit.replicas());
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!enabled) {
            ctx.next();
            return;
        }
        String address = AddressKeys.of(ctx.request().remoteAddress());
        String token = VerifiedIdentities.bearerToken(ctx.request());
        if (token == null) {
            RateLimiter.Decision decision = limiter.tryAcquire(address, limit);
            if (decision.allowed()) {
                ctx.next();
            } else {
                TooManyRequests.send(ctx, TooManyRequests.Limiter.ADDRESS, decision.retryAfterSeconds(), metrics);
            }
            return;
        }
        RateLimiter.Decision decision = limiter.check(address, limit);
        if (!decision.allowed() && !verifiedTokens.isKnown(token)) {
            TooManyRequests.send(ctx, TooManyRequests.Limiter.ADDRESS, decision.retryAfterSeconds(), metrics);
            return;
        }
        // before the first byte of the answer goes out, so the client's next request already sees the charge; the
        // bearer mechanism remembers the tokens that pass (ProblemBearerAuthMechanism)
        ctx.addHeadersEndHandler(v -> afterAuthentication(ctx, address));
        ctx.next();
    }

    private void afterAuthentication(RoutingContext ctx, String address) {
        if (SubjectRateLimitHandler.identity(ctx) == null && ctx.response().getStatusCode() == 401) {
            limiter.charge(address, limit);
        }
    }
}
