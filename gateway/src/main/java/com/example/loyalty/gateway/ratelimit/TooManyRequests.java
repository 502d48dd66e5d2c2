package com.example.loyalty.gateway.ratelimit;

import com.example.loyalty.gateway.metrics.GatewayMetrics;
import com.example.loyalty.gateway.web.Problem;
import com.example.loyalty.gateway.web.RequestContextHandler;
import io.vertx.ext.web.RoutingContext;

/**
 * The one shape of a 429, whichever limiter refused: problem JSON whose detail names the limit, {@code Retry-After}
 * in whole seconds, the request id (set on every response by {@link RequestContextHandler}), and one count in
 * {@code loyalty.gateway.rate-limited} tagged with the upstream and the limiter.
 */
final class TooManyRequests {

    /** Which limiter refused; the value of the meter's {@code limiter} tag. */
    enum Limiter {
        /** Before authentication, by the caller's address. */
        ADDRESS("address", "Rate limit exceeded for requests without a valid token from this address"),
        /** After authentication, by the token subject. */
        SUBJECT("subject", "Rate limit exceeded");

        final String tag;
        final String detail;

        Limiter(String tag, String detail) {
            this.tag = tag;
            this.detail = detail;
        }
    }

    private TooManyRequests() {}

    static void send(RoutingContext ctx, Limiter limiter, long retryAfterSeconds, GatewayMetrics metrics) {
        String upstream = ctx.get(RequestContextHandler.UPSTREAM_KEY);
        metrics.rateLimited(upstream != null ? upstream : GatewayMetrics.UNKNOWN_UPSTREAM, limiter.tag);
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problem.of(
                        429,
                        limiter.detail + "; retry after " + retryAfterSeconds + " s.",
                        ctx.request().path(),
                        RequestContextHandler.requestId(ctx))
                .send(ctx.response());
    }
}
