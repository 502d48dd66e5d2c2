package com.example.loyalty.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientHeaderPolicyTest {

    private final ClientHeaderPolicy policy =
            new ClientHeaderPolicy(List.of("X-User-Id", " X-Forwarded-* ", "Forwarded", "x-authenticated-*", ""));

    @Test
    void matchesExactNamesAndPrefixesIgnoringCase() {
        assertTrue(policy.isForbidden("x-user-id"));
        assertTrue(policy.isForbidden("X-USER-ID"));
        assertTrue(policy.isForbidden("X-Forwarded-For"));
        assertTrue(policy.isForbidden("x-forwarded-prefix"));
        assertTrue(policy.isForbidden("X-Authenticated-Userid"));
        assertTrue(policy.isForbidden("Forwarded"));
        assertFalse(policy.isForbidden("X-User-Idx"));
        assertFalse(policy.isForbidden("Authorization"));
        assertFalse(policy.isForbidden("X-Request-Id"));
    }

    @Test
    void stripsEveryValueOfForbiddenHeaders() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-User-Id", "a")
                .add("x-user-id", "b")
                .add("X-Forwarded-For", "6.6.6.6")
                .add("Authorization", "Bearer t")
                .add("Accept", "application/json");
        policy.strip(headers);
        assertEquals(Set.of("Authorization", "Accept"), Set.copyOf(headers.names()));
    }
}
