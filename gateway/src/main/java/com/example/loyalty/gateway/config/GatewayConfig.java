package com.example.loyalty.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Typed configuration of the gateway ({@code gateway.*} in {@code application.properties}; every key
 * can be overridden by its environment variable, e.g. {@code GATEWAY_UPSTREAMS_POINTS}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URLs of the services behind the gateway. */
    Upstreams upstreams();

    /** Per-client rate limit (token bucket). */
    RateLimit rateLimit();

    /** Request headers handling. */
    Headers headers();

    /** HTTP client used to call the services. */
    Proxy proxy();

    /** What the gateway's readiness waits for. */
    Readiness readiness();

    interface Upstreams {
        /** points-service, serves {@code /api/points/**}. */
        URI points();

        /** survey-service, serves {@code /api/surveys/**}. */
        URI surveys();

        /** metrics-service, serves {@code /api/metrics/**}. */
        URI metrics();

        /** community-service, serves {@code /api/community/**}. */
        URI community();
    }

    interface RateLimit {
        /** Turns the rate limit off entirely (e.g. for load tests). */
        @WithDefault("true")
        boolean enabled();

        /** Bucket size: the burst a client may send at once. */
        long capacity();

        /** Tokens added back per second (greedy refill, i.e. spread over the second). */
        long refillPerSecond();

        /** Upper bound of clients tracked at once; the least recently used are evicted first. */
        @WithDefault("100000")
        long maxClients();

        /**
         * A client's bucket is dropped after this much inactivity (never earlier than the time a bucket
         * needs to refill completely, so eviction can never hand out more tokens than waiting would).
         */
        @WithDefault("10M")
        Duration idleExpiry();
    }

    interface Headers {
        /**
         * Request headers a client must not set; removed before the request is proxied. Case-insensitive;
         * a trailing {@code *} matches a prefix (e.g. {@code X-Forwarded-*}).
         */
        List<String> strip();
    }

    interface Proxy {
        /** Time to open a TCP connection to a service. */
        @WithDefault("5S")
        Duration connectTimeout();

        /** A call fails with 504 if the service sends nothing for this long. */
        @WithDefault("30S")
        Duration responseTimeout();

        /** Connections kept per service (HTTP/1.1 pool). */
        @WithDefault("50")
        int maxConnectionsPerUpstream();
    }

    interface Readiness {
        /**
         * Readiness stays DOWN until every upstream has answered 200 on its {@code /q/health/ready} once
         * since the gateway started (see {@code UpstreamsStartedCheck}); {@code false} reports UP at once.
         */
        @WithDefault("true")
        boolean awaitUpstreams();

        /** How often the upstreams not seen ready yet are asked; polling stops once all have answered. */
        @WithDefault("1S")
        Duration pollInterval();

        /** A readiness probe that takes longer counts as "not ready yet" and is repeated on a later tick. */
        @WithDefault("2S")
        Duration probeTimeout();
    }
}
