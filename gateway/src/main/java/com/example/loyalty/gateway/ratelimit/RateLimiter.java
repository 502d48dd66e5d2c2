package com.example.loyalty.gateway.ratelimit;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * One Bucket4j token bucket per client key, kept in a bounded Caffeine cache (least recently used
 * clients are evicted beyond {@code gateway.rate-limit.max-clients}; idle buckets expire), so the
 * map cannot grow without limit however many clients or forged IPs show up.
 */
@ApplicationScoped
public class RateLimiter {

    /** Result of one attempt: allowed, or refused with the seconds until a token is available. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    private final boolean enabled;
    private final Bandwidth bandwidth;
    private final Cache<String, Bucket> buckets;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(
                config.rateLimit().enabled(),
                config.rateLimit().capacity(),
                config.rateLimit().refillPerSecond(),
                config.rateLimit().maxClients(),
                config.rateLimit().idleExpiry());
    }

    RateLimiter(boolean enabled, long capacity, long refillPerSecond, long maxClients, Duration idleExpiry) {
        if (capacity < 1 || refillPerSecond < 1) {
            throw new IllegalArgumentException(
                    "gateway.rate-limit.capacity and gateway.rate-limit.refill-per-second must be at least 1");
        }
        this.enabled = enabled;
        this.bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(refillPerSecond, Duration.ofSeconds(1))
                .build();
        // an evicted bucket comes back full: only evict once a bucket would have refilled anyway
        Duration timeToFull = Duration.ofSeconds(ceilDiv(capacity, refillPerSecond));
        Duration expiry = idleExpiry.compareTo(timeToFull) > 0 ? idleExpiry : timeToFull;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(expiry)
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    public Decision tryAcquire(String clientKey) {
        Bucket bucket = buckets.get(
                clientKey, key -> Bucket.builder().addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
        return new Decision(false, 0, seconds);
    }

    /** Number of client buckets currently held (approximate). */
    public long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
