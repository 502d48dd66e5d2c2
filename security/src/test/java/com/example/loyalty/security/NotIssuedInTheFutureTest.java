package com.example.loyalty.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

class NotIssuedInTheFutureTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private final NotIssuedInTheFuture validator = new NotIssuedInTheFuture(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenIssuedNowOrWithinTheSkewPasses() throws Exception {
        assertNull(validator.validate(issuedAt(NOW.getEpochSecond())));
        assertNull(validator.validate(issuedAt(NOW.getEpochSecond() - 3600)));
        assertNull(validator.validate(
                issuedAt(NOW.plus(NotIssuedInTheFuture.ALLOWED_SKEW).getEpochSecond())));
    }

    @Test
    void aTokenIssuedBeyondTheSkewIsRefused() throws Exception {
        assertNotNull(validator.validate(
                issuedAt(NOW.plus(NotIssuedInTheFuture.ALLOWED_SKEW).getEpochSecond() + 1)));
        assertNotNull(validator.validate(issuedAt(NOW.getEpochSecond() + 600)));
    }

    @Test
    void aTokenWithoutIatIsLeftToQuarkusOidc() throws Exception {
        assertNull(validator.validate(new JwtContext("", new JwtClaims(), null)));
    }

    private static JwtContext issuedAt(long epochSecond) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuedAt(NumericDate.fromSeconds(epochSecond));
        return new JwtContext("", claims, null);
    }
}
