package com.example.loyalty.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;

/**
 * The size of a token bucket: {@code capacity} requests at once, {@code refillPerSecond} sustained.
 *
 * @param capacity        the burst a caller may send at once
 * @param refillPerSecond tokens added back per second (spread over the second)
 */
public record Limit(long capacity, long refillPerSecond) {

    /** The more generous of two limits has the higher sustained rate, then the larger burst. */
    public static final Comparator<Limit> GENEROSITY =
            Comparator.comparingLong(Limit::refillPerSecond).thenComparingLong(Limit::capacity);

    public Limit {
        if (capacity < 1 || refillPerSecond < 1) {
            throw new IllegalArgumentException(
                    "capacity and refill-per-second must be at least 1, got " + capacity + " and " + refillPerSecond);
        }
    }

    /**
     * Like the constructor, but a nonsensical value fails naming the configuration key it came from, e.g.
     * {@code gateway.rate-limit.roles.staff}.
     */
    public static Limit of(String configKey, long capacity, long refillPerSecond) {
        try {
            return new Limit(capacity, refillPerSecond);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configKey + ".capacity and " + configKey
                    + ".refill-per-second must be at least 1, got " + capacity + " and " + refillPerSecond);
        }
    }

    /**
     * This limit's share on one of {@code replicas} gateway replicas that a round-robin balancer spreads a caller's
     * requests over: both figures divided, rounded up (so never below 1, and the replicas together give at least
     * this limit).
     */
    public Limit perReplica(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("gateway.rate-limit.replicas must be at least 1, got " + replicas);
        }
        return new Limit(
                Math.floorDiv(capacity + replicas - 1, replicas),
                Math.floorDiv(refillPerSecond + replicas - 1, replicas));
    }

    /** How long an empty bucket takes to fill up again. */
    public Duration timeToFull() {
        return Duration.ofSeconds(-Math.floorDiv(-capacity, refillPerSecond));
    }

    @Override
    public String toString() {
        return capacity + " burst, " + refillPerSecond + "/s";
    }
}
