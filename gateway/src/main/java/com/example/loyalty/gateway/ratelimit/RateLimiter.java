package com.example.loyalty.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Collection;

/**
 * Bucket4j token buckets by caller key and {@link Limit}, kept in a bounded Caffeine cache (least recently used
 * buckets are evicted beyond {@code maxBuckets}; idle buckets expire), so the map cannot grow without limit
 * however many callers show up.
 * <p>
 * The limit is part of the bucket's key: a subject whose limit changes (a new token with another role or client)
 * starts a bucket of its new size instead of spending from one sized for another limit.
 */
public class RateLimiter {

    /** Result of one attempt: allowed, or refused with the whole seconds until a token is available. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    private record BucketKey(String caller, Limit limit) {}

    private final Cache<BucketKey, Bucket> buckets;

    /**
     * @param maxBuckets upper bound of buckets held at once
     * @param idleExpiry a bucket not used for this long is dropped, but never before the slowest of
     *                   {@code limits} would have refilled from its deepest debt (an evicted bucket comes back full)
     * @param limits     every limit this limiter will be asked with
     */
    public RateLimiter(long maxBuckets, Duration idleExpiry, Collection<Limit> limits) {
        Duration expiry = idleExpiry;
        for (Limit limit : limits) {
            Duration fromDeepestDebt = limit.timeToFull().multipliedBy(2);
            if (fromDeepestDebt.compareTo(expiry) > 0) {
                expiry = fromDeepestDebt;
            }
        }
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(expiry)
                .build();
    }

    /** Takes a token from the caller's bucket if there is one. */
    public Decision tryAcquire(String caller, Limit limit) {
        ConsumptionProbe probe = bucket(caller, limit).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        return refused(probe.getNanosToWaitForRefill());
    }

    /**
     * Whether the caller's bucket holds a token, without taking it (and without creating a bucket for a caller
     * that has none: its bucket would be full).
     */
    public Decision check(String caller, Limit limit) {
        Bucket bucket = buckets.getIfPresent(new BucketKey(caller, limit));
        if (bucket == null) {
            return new Decision(true, limit.capacity(), 0);
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        return refused(probe.getNanosToWaitForRefill());
    }

    /**
     * Takes a token for something that has already happened, even from an empty bucket: the bucket goes into debt
     * and stays empty until the refill has paid it back, so what got past {@link #check} at once is paid for
     * afterwards. The debt stops at one bucket's capacity: a caller is never refused for longer than twice the time
     * to refill, even when every request fails for a reason that is not its own (an identity provider that cannot
     * be reached answers every token with 401).
     */
    public void charge(String caller, Limit limit) {
        Bucket bucket = bucket(caller, limit);
        if (bucket.getAvailableTokens() > -limit.capacity()) {
            bucket.consumeIgnoringRateLimits(1);
        }
    }

    /** Number of buckets currently held (approximate). */
    public long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String caller, Limit limit) {
        return buckets.get(
                new BucketKey(caller, limit),
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(key.limit().capacity())
                                .refillGreedy(key.limit().refillPerSecond(), Duration.ofSeconds(1))
                                .build())
                        .build());
    }

    private static Decision refused(long nanosToWait) {
        long seconds = Math.max(1, -Math.floorDiv(-nanosToWait, 1_000_000_000L));
        return new Decision(false, 0, seconds);
    }
}
