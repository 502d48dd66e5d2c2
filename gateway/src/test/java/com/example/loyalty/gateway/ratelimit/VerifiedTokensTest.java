package com.example.loyalty.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong();
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), now::get);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        tokens.remember("token-a", Duration.ofMinutes(15));
        assertTrue(tokens.isKnown("token-a"));
        assertFalse(tokens.isKnown("token-b"));
        advance(Duration.ofMinutes(14));
        assertTrue(tokens.isKnown("token-a"), "using it does not matter, its expiry does");
        advance(Duration.ofMinutes(2));
        assertFalse(tokens.isKnown("token-a"));
    }

    @Test
    void rememberingAgainDoesNotExtendIt() {
        tokens.remember("token-a", Duration.ofMinutes(1));
        advance(Duration.ofSeconds(50));
        tokens.remember("token-a", Duration.ofSeconds(10));
        advance(Duration.ofSeconds(11));
        assertFalse(tokens.isKnown("token-a"));
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.remember("token-a", Duration.ZERO);
        tokens.remember("token-b", Duration.ofSeconds(-5));
        assertFalse(tokens.isKnown("token-a"));
        assertFalse(tokens.isKnown("token-b"));
    }

    @Test
    void aTokenWithoutExpiryIsRememberedForTheMaximumLifetime() {
        tokens.remember("token-a", null);
        advance(Duration.ofMinutes(9));
        assertTrue(tokens.isKnown("token-a"));
        advance(Duration.ofMinutes(2));
        assertFalse(tokens.isKnown("token-a"));
    }
}
