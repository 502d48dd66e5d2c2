package com.example.loyalty.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsTheBurstThenRefusesWithRetryAfterRoundedUp() {
        RateLimiter limiter = new RateLimiter(true, 2, 1, 100, Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("a").allowed());
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void retryAfterIsWholeSecondsForSlowRefill() {
        // capacity 1, refill 1/s: after the first, the next token is < 1 s away -> 1
        RateLimiter limiter = new RateLimiter(true, 1, 1, 100, Duration.ofMinutes(10));
        limiter.tryAcquire("a");
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 1, "" + refused);
    }

    @Test
    void clientsHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(true, 1, 1, 100, Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire("sub:a").allowed());
        assertFalse(limiter.tryAcquire("sub:a").allowed());
        assertTrue(limiter.tryAcquire("sub:b").allowed());
        assertTrue(limiter.tryAcquire("ip:10.0.0.1").allowed());
    }

    @Test
    void bucketMapIsBounded() {
        RateLimiter limiter = new RateLimiter(true, 5, 5, 100, Duration.ofMinutes(10));
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("ip:10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(limiter.trackedClients() <= 100, "tracked " + limiter.trackedClients());
    }

    @Test
    void nonsensicalLimitsAreRejectedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(true, 0, 1, 100, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(true, 1, 0, 100, Duration.ofMinutes(1)));
    }
}
