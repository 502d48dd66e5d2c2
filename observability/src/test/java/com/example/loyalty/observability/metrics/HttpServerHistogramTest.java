package com.example.loyalty.observability.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpServerHistogramTest {

    @Test
    void theHttpServerTimerCountsIntoTheLadderOfBuckets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(HttpServerHistogram.filter());
        Timer timer = registry.timer(HttpServerHistogram.HTTP_SERVER_REQUESTS, "uri", "/api/points/tiers");
        timer.record(Duration.ofMillis(30));
        timer.record(Duration.ofMillis(3));

        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        assertEquals(
                HttpServerHistogram.BUCKETS.stream().map(Duration::toNanos).toList(),
                Arrays.stream(buckets)
                        .map(b -> (long) b.bucket(TimeUnit.NANOSECONDS))
                        .toList());
        assertEquals(1, count(buckets, Duration.ofMillis(25)), "3 ms is below 25 ms, 30 ms is not");
        assertEquals(2, count(buckets, Duration.ofMillis(50)));
    }

    @Test
    void otherTimersKeepNoBuckets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(HttpServerHistogram.filter());
        Timer timer = registry.timer("loyalty.points.something");
        timer.record(Duration.ofMillis(30));
        assertEquals(List.of(), Arrays.asList(timer.takeSnapshot().histogramCounts()));
    }

    private static double count(CountAtBucket[] buckets, Duration upTo) {
        return Arrays.stream(buckets)
                .filter(b -> (long) b.bucket(TimeUnit.NANOSECONDS) == upTo.toNanos())
                .findFirst()
                .orElseThrow()
                .count();
    }
}
