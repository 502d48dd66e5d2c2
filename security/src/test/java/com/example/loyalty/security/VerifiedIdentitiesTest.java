package com.example.loyalty.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedIdentitiesTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Ticker ticker = nanos::get;

    private static SecurityIdentity staff(Instant expires) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("staff-1"))
                .addRole("staff")
                .addAttribute(VerifiedIdentities.EXPIRE_TIME, expires.getEpochSecond())
                .build();
    }

    @Test
    void aVerifiedTokenAnswersWithItsIdentityUntilMaxAge() {
        VerifiedIdentities ids = new VerifiedIdentities(100, Duration.ofMinutes(5), ticker);
        ids.remember("token-a", staff(Instant.now().plus(Duration.ofMinutes(15))));

        SecurityIdentity found = ids.find("token-a", null);
        assertEquals("staff-1", found.getPrincipal().getName());
        assertEquals(Set.of("staff"), found.getRoles());
        assertTrue(ids.isKnown("token-a"));
        assertNull(ids.find("token-b", null), "another token is verified as usual");

        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        assertNull(ids.find("token-a", null), "after max-age the token is verified again");
        assertFalse(ids.isKnown("token-a"));
    }

    @Test
    void aTokenIsForgottenWhenItExpiresEvenBeforeMaxAge() {
        VerifiedIdentities ids = new VerifiedIdentities(100, Duration.ofMinutes(5), ticker);
        ids.remember("token-a", staff(Instant.now().plusSeconds(30)));
        assertTrue(ids.isKnown("token-a"));
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertNull(ids.find("token-a", null));
    }

    @Test
    void expiredAndAnonymousIdentitiesAreNotRemembered() {
        VerifiedIdentities ids = new VerifiedIdentities(100, Duration.ofMinutes(5), ticker);
        ids.remember("expired", staff(Instant.now().minusSeconds(1)));
        ids.remember(
                "anonymous",
                QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertFalse(ids.isKnown("expired"));
        assertFalse(ids.isKnown("anonymous"));
    }
}
