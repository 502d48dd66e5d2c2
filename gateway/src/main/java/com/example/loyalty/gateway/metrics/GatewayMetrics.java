package com.example.loyalty.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's own counters, named like every loyalty metric {@code loyalty.<service>.<thing>}:
 * {@code loyalty.gateway.requests} and {@code loyalty.gateway.rate-limited} (Prometheus:
 * {@code loyalty_gateway_requests_total}, {@code loyalty_gateway_rate_limited_total}). Tags stay
 * low-cardinality: the upstream name (one of the configured services, or {@code unknown}), the status
 * class ({@code 2xx} ... {@code 5xx}) and the limiter that refused ({@code address} or {@code subject}).
 */
@ApplicationScoped
public class GatewayMetrics {

    public static final String UNKNOWN_UPSTREAM = "unknown";
    static final String REQUESTS = "loyalty.gateway.requests";
    static final String RATE_LIMITED = "loyalty.gateway.rate-limited";

    private final MeterRegistry registry;
    /** The counters by upstream and status class, so a request costs a map look-up, not a meter registration. */
    private final java.util.Map<String, Counter> requests = new java.util.concurrent.ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One {@code /api/**} request answered, by the service or by the gateway (401, 429, 502, 503 ...). */
    public void requestCompleted(String upstream, int status) {
        String statusClass = statusClass(status);
        requests.computeIfAbsent(
                        upstream + ' ' + statusClass,
                        k -> Counter.builder(REQUESTS)
                                .description(
                                        "Requests to /api/** answered by the gateway, by upstream and status class")
                                .tag("upstream", upstream)
                                .tag("status_class", statusClass)
                                .register(registry))
                .increment();
    }

    /**
     * One request refused with 429.
     *
     * @param limiter {@code address} (before authentication: no token, or tokens that failed) or {@code subject}
     *                (after authentication: the token subject's limit)
     */
    public void rateLimited(String upstream, String limiter) {
        Counter.builder(RATE_LIMITED)
                .description("Requests refused with 429 because the caller exceeded its rate limit, by limiter")
                .tag("upstream", upstream)
                .tag("limiter", limiter)
                .register(registry)
                .increment();
    }

    static String statusClass(int status) {
        if (status < 100 || status > 599) {
            return "unknown";
        }
        return (status / 100) + "xx";
    }
}
