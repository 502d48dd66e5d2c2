package com.example.loyalty.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private static RateLimiter limiter(Limit... limits) {
        return new RateLimiter(100, IDLE, List.of(limits));
    }

    @Test
    void allowsTheBurstThenRefusesWithRetryAfterRoundedUp() {
        Limit limit = new Limit(2, 1);
        RateLimiter limiter = limiter(limit);
        assertTrue(limiter.tryAcquire("a", limit).allowed());
        assertTrue(limiter.tryAcquire("a", limit).allowed());
        RateLimiter.Decision refused = limiter.tryAcquire("a", limit);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void retryAfterIsWholeSecondsForSlowRefill() {
        // capacity 1, refill 1/s: after the first, the next token is < 1 s away -> 1
        Limit limit = new Limit(1, 1);
        RateLimiter limiter = limiter(limit);
        limiter.tryAcquire("a", limit);
        RateLimiter.Decision refused = limiter.tryAcquire("a", limit);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds(), "" + refused);
    }

    @Test
    void clientsHaveSeparateBuckets() {
        Limit limit = new Limit(1, 1);
        RateLimiter limiter = limiter(limit);
        assertTrue(limiter.tryAcquire("sub:a", limit).allowed());
        assertFalse(limiter.tryAcquire("sub:a", limit).allowed());
        assertTrue(limiter.tryAcquire("sub:b", limit).allowed());
        assertTrue(limiter.tryAcquire("ip:10.0.0.1", limit).allowed());
    }

    @Test
    void bucketsOfDifferentLimitsDoNotShareState() {
        Limit member = new Limit(1, 1);
        Limit staff = new Limit(3, 1);
        RateLimiter limiter = limiter(member, staff);
        // the subject spent its member bucket; with a staff token it gets a staff-sized bucket of its own
        assertTrue(limiter.tryAcquire("sub:a", member).allowed());
        assertFalse(limiter.tryAcquire("sub:a", member).allowed());
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("sub:a", staff).allowed(), "staff request " + i);
        }
        assertFalse(limiter.tryAcquire("sub:a", staff).allowed());
        // and the staff traffic did not refill or drain the member bucket
        assertFalse(limiter.tryAcquire("sub:a", member).allowed());
    }

    @Test
    void checkNeitherTakesATokenNorCreatesABucket() {
        Limit limit = new Limit(2, 1);
        RateLimiter limiter = limiter(limit);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.check("10.0.0.1", limit).allowed());
        }
        assertEquals(0, limiter.trackedClients(), "a caller without a bucket has a full one");
        assertTrue(limiter.tryAcquire("10.0.0.1", limit).allowed());
        assertTrue(limiter.check("10.0.0.1", limit).allowed());
        assertTrue(limiter.tryAcquire("10.0.0.1", limit).allowed());
        RateLimiter.Decision refused = limiter.check("10.0.0.1", limit);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void chargeGoesIntoDebtThatTheRefillPaysBackFirstButNoDeeperThanOneBucket() {
        Limit limit = new Limit(3, 1);
        RateLimiter limiter = limiter(limit);
        for (int i = 0; i < 5; i++) {
            limiter.charge("10.0.0.1", limit); // five failures got past the check at once
        }
        RateLimiter.Decision refused = limiter.check("10.0.0.1", limit);
        assertFalse(refused.allowed());
        // 2 tokens of debt and one to spend, at 1/s: about 3 s (a few ms of refill may have passed)
        assertTrue(
                refused.retryAfterSeconds() >= 2 && refused.retryAfterSeconds() <= 3,
                "retry after " + refused.retryAfterSeconds());
        assertFalse(limiter.tryAcquire("10.0.0.1", limit).allowed());

        // however many more fail, the debt stops at one bucket: refused for at most twice the time to refill
        for (int i = 0; i < 1_000; i++) {
            limiter.charge("10.0.0.1", limit);
        }
        RateLimiter.Decision deepest = limiter.check("10.0.0.1", limit);
        assertTrue(
                deepest.retryAfterSeconds() >= 3 && deepest.retryAfterSeconds() <= 4,
                "retry after " + deepest.retryAfterSeconds());
    }

    @Test
    void bucketMapIsBounded() {
        Limit limit = new Limit(5, 5);
        RateLimiter limiter = limiter(limit);
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("ip:10.0." + (i / 256) + "." + (i % 256), limit);
        }
        assertTrue(limiter.trackedClients() <= 100, "tracked " + limiter.trackedClients());
    }

    @Test
    void nonsensicalLimitsAreRejectedAtStartupNamingTheirKey() {
        assertThrows(IllegalArgumentException.class, () -> new Limit(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, 0));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Limit.of("gateway.rate-limit.roles.staff", 5000, 0));
        assertTrue(e.getMessage().startsWith("gateway.rate-limit.roles.staff.capacity and "), e.getMessage());
    }
}
