package com.example.loyalty.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed configuration of the gateway ({@code gateway.*} in {@code application.properties}; every key
 * can be overridden by its environment variable, e.g. {@code GATEWAY_UPSTREAMS_POINTS}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URLs of the services behind the gateway. */
    Upstreams upstreams();

    /** Rate limits: by address before authentication, by token subject after it. */
    RateLimit rateLimit();

    /** Request headers handling. */
    Headers headers();

    /** HTTP client used to call the services. */
    Proxy proxy();

    /** What the gateway's readiness waits for. */
    Readiness readiness();

    /** How large a request may be: its URL, its headers, its body (see {@code RequestLimitsHandler}). */
    Limits limits();

    /** The memory of tokens that passed verification (see {@code VerifiedIdentities}). */
    VerifiedTokens verifiedTokens();

    /** The web console the gateway serves at {@code /} (see {@code ConsoleRoutes}). */
    Console console();

    interface Console {
        /** The public OIDC client the console signs in with (authorization code with PKCE). */
        @WithDefault("loyalty-app")
        String clientId();

        /**
         * The realm's URL as browsers reach it, e.g. {@code https://id.example.com/realms/loyalty}; absent: the
         * gateway's own {@code quarkus.oidc.auth-server-url} (right wherever browsers and the gateway reach Keycloak at
         * the same address, as on the local stack).
         */
        Optional<URI> authServerUrl();
    }

    interface VerifiedTokens {
        /**
         * A verified token is answered from memory at most this long (and never past its expiry), then verified
         * again: the delay after which a key the identity provider stopped trusting is noticed.
         */
        @WithDefault("5M")
        Duration maxAge();
    }

    /**
     * Limits on a request, each answered with a problem: a longer URL with 414, more header bytes with 431, a larger
     * body with 413. They sit below the services' own (Quarkus' 4096-byte request line, 20K of headers), so that a
     * request the gateway lets through is never refused by a service's HTTP server with a bare status, and below the
     * gateway's own HTTP server limits ({@code quarkus.http.limits.*}), which Vert.x answers before any handler runs,
     * with an empty body.
     */
    interface Limits {
        /** The longest request target (path and query, as sent) the gateway accepts. */
        @WithDefault("4000")
        int maxUrlLength();

        /** The most bytes of headers (names, values and their separators) a request may carry. */
        @WithDefault("16K")
        MemorySize maxHeaderSize();

        /** The largest body of a request to a path that no {@link #bodyRoutes()} entry names. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * A body limit of its own for the paths under a prefix, e.g. {@code body-routes.points-imports}: the longest
         * matching prefix wins. Checked against {@code Content-Length} before anything is proxied, and byte by byte
         * for a body without one (chunked).
         */
        Map<String, BodyRoute> bodyRoutes();

        interface BodyRoute {
            /** A path prefix, matched at segment boundaries: {@code /api/points/imports} and what is under it. */
            String pathPrefix();

            MemorySize maxBodySize();
        }
    }

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

    /**
     * Two token-bucket limiters (see {@code com.example.loyalty.gateway.ratelimit}):
     * <ul>
     * <li>by <b>address</b>, before any token is verified: what arrives without a bearer token, or with one that
     * fails verification, spends the budget of the caller's address ({@link #address()}); while it is spent, a
     * request with a bearer token the gateway has not lately seen pass verification is refused before its
     * signature is checked, so a flood of garbage tokens costs a map lookup per request instead of a signature
     * check;</li>
     * <li>by token <b>subject</b>, after authentication, with the limit that fits the caller: the one of its
     * client ({@link #clients()}) if there is one, else the most generous of its realm roles ({@link #roles()}),
     * else {@link #defaultLimit()}.</li>
     * </ul>
     * Buckets live in the memory of each gateway replica: behind a round-robin balancer each replica sees 1/N of a
     * caller's requests. The figures configured here are what a caller gets from all replicas together; each replica
     * enforces its share, the figure divided by {@link #replicas()}.
     */
    interface RateLimit {
        /** Turns both limiters off entirely (e.g. for load tests). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How many gateway replicas share the figures: each replica enforces every capacity and refill divided by
         * this, rounded up. Set it to the replica count the deployment runs with most of the time (in Kubernetes the
         * autoscaler's minimum): with more replicas a caller gets proportionally more (up to max/min times the
         * figures), with fewer, less.
         */
        @WithDefault("1")
        int replicas();

        /**
         * The limit of a subject that no client or role limit applies to: a member's phone, which sends a
         * screenful of requests at once and then little.
         */
        @WithName("default")
        DefaultLimit defaultLimit();

        /**
         * Limits by realm role ({@code realm_access.roles}), e.g. {@code roles.staff}: a subject holding several
         * configured roles gets the most generous one (highest refill, then highest capacity). Roles without an
         * entry do not count; no entry at all means everybody without a client limit gets the default.
         */
        Map<String, Bucket> roles();

        /**
         * Limits by OAuth client id (the token's {@code azp} claim, Keycloak's; else {@code client_id}), e.g.
         * {@code clients."loyalty-service"}. A client limit wins over any role limit, in both directions: it
         * can give a machine client more than its roles would, or hold one integration below its roles.
         */
        Map<String, Bucket> clients();

        /**
         * The budget of one address (the connection's remote address; IPv6 per /64, the smallest block a
         * subscriber is given) for requests without a valid token. Valid tokens never spend it.
         */
        AddressLimit address();

        /**
         * Upper bound of buckets each limiter tracks at once (and of tokens remembered as verified); the least
         * recently used are evicted first.
         */
        @WithDefault("100000")
        long maxClients();

        /**
         * A bucket is dropped after this much inactivity (never earlier than the time a bucket needs to refill
         * completely, so eviction can never hand out more tokens than waiting would).
         */
        @WithDefault("10M")
        Duration idleExpiry();

        /** A token bucket: the burst a caller may send at once, and the sustained rate. */
        interface Bucket {
            /** Bucket size: the burst a caller may send at once. */
            long capacity();

            /** Tokens added back per second (greedy refill, i.e. spread over the second). */
            long refillPerSecond();
        }

        /** The default limit: a {@link Bucket} that needs no configuration. */
        interface DefaultLimit {
            /** A phone opening the app fires a few dozen calls at once. */
            @WithDefault("100")
            long capacity();

            @WithDefault("50")
            long refillPerSecond();
        }

        /** The address limit: a {@link Bucket} that needs no configuration. */
        interface AddressLimit {
            /** Room for a Swagger UI loading every document, or a few apps behind one NAT refreshing their tokens. */
            @WithDefault("20")
            long capacity();

            /**
             * An honest client sends one token-less or expired request per token lifetime (15 min in the realm),
             * so 10 per second covers thousands of phones behind one carrier NAT.
             */
            @WithDefault("10")
            long refillPerSecond();
        }
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

        /**
         * The {@code Retry-After} of a 503 for a service that could not be connected to (down, restarting, rolled
         * out): about the time a service takes to come back. Whole seconds, rounded up.
         */
        @WithDefault("5S")
        Duration unavailableRetryAfter();

        /** Connections kept per service (HTTP/1.1 pool). */
        @WithDefault("50")
        int maxConnectionsPerUpstream();
    }

    interface Readiness {
        /**
         * Readiness stays DOWN until every upstream has answered 200 on its {@code /q/health/ready} once
         * since the gateway started (see {@code UpstreamsStartedCheck}); {@code false} reports UP at once (the
         * production profile's value: in Kubernetes each service's readiness gates its own Service).
         */
        @WithDefault("true")
        boolean awaitUpstreams();

        /** How often the upstreams not seen ready yet are asked; polling stops once all have answered. */
        @WithDefault("1S")
        Duration pollInterval();

        /** A readiness probe that takes longer counts as "not ready yet" and is repeated on a later tick. */
        @WithDefault("2S")
        Duration probeTimeout();

        /**
         * Where each service's readiness is asked: the base URL of its management interface, which serves its
         * {@code /q/health/ready} (the API port does not), e.g. {@code http://localhost:9081}. A service without one
         * is asked on its own host ({@code gateway.upstreams.*}), plain HTTP, port {@link #managementPort()}.
         */
        ManagementUrls upstreams();

        /** The management port of a service whose management URL is not set: Quarkus' default. */
        @WithDefault("9000")
        int managementPort();

        /** Base URLs of the services' management interfaces (env {@code GATEWAY_READINESS_UPSTREAMS_POINTS}, ...). */
        interface ManagementUrls {
            Optional<URI> points();

            Optional<URI> surveys();

            Optional<URI> metrics();

            Optional<URI> community();
        }
    }
}
