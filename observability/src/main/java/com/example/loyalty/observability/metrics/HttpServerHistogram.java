package com.example.loyalty.observability.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Histogram buckets for the HTTP server timer ({@code http.server.requests}), so that Prometheus computes the p99 of a
 * route over all replicas ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}; Micrometer's
 * own percentiles cannot be added up across pods). A short fixed ladder of {@link #BUCKETS} instead of Micrometer's
 * percentile histogram (about 70 buckets per route, method and status): cheap enough for every route of every
 * service and the gateway (one ladder, so their p99s compare).
 */
@Singleton
public class HttpServerHistogram {

    /** The meter Quarkus times HTTP requests with. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** The upper bounds of the buckets (Prometheus adds +Inf). */
    public static final List<Duration> BUCKETS = List.of(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    @Produces
    @Singleton
    public MeterFilter httpServerRequestBuckets() {
        return filter();
    }

    /** The filter, for registries outside CDI (tests). */
    public static MeterFilter filter() {
        double[] nanos = BUCKETS.stream().mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.copyOf(nanos, nanos.length))
                        .build()
                        .merge(config);
            }
        };
    }
}
