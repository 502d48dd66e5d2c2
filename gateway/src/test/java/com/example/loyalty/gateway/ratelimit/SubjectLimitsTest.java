package com.example.loyalty.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectLimitsTest {

    private static final Limit PHONE = new Limit(100, 50);
    private static final Limit MARKETER = new Limit(1_000, 500);
    private static final Limit STAFF = new Limit(5_000, 2_000);
    private static final Limit SERVICE = new Limit(10_000, 5_000);
    private static final Limit HELD_BACK = new Limit(10, 5);

    private final SubjectLimits limits = new SubjectLimits(
            PHONE,
            Map.of("staff", STAFF, "marketer", MARKETER, "admin", STAFF),
            Map.of("loyalty-service", SERVICE, "noisy-till", HELD_BACK));

    @Test
    void withoutAConfiguredRoleOrClientTheDefaultApplies() {
        assertEquals(PHONE, limits.limitFor(null, Set.of("member")));
        assertEquals(PHONE, limits.limitFor("loyalty-app", Set.of()));
    }

    @Test
    void theMostGenerousConfiguredRoleApplies() {
        assertEquals(STAFF, limits.limitFor("loyalty-app", Set.of("staff")));
        assertEquals(MARKETER, limits.limitFor("loyalty-app", Set.of("member", "marketer")));
        assertEquals(STAFF, limits.limitFor("loyalty-app", Set.of("marketer", "member", "staff")));
    }

    @Test
    void generosityIsTheSustainedRateFirstThenTheBurst() {
        Limit bigBurst = new Limit(9_000, 10);
        Limit fastRefill = new Limit(20, 1_000);
        Limit fastRefillBiggerBurst = new Limit(30, 1_000);
        SubjectLimits limits =
                new SubjectLimits(PHONE, Map.of("a", bigBurst, "b", fastRefill, "c", fastRefillBiggerBurst), Map.of());
        assertEquals(fastRefill, limits.limitFor(null, List.of("a", "b")));
        assertEquals(fastRefillBiggerBurst, limits.limitFor(null, List.of("a", "b", "c")));
    }

    @Test
    void aClientLimitWinsOverRolesInBothDirections() {
        // the service account holds admin, but its client gets more
        assertEquals(SERVICE, limits.limitFor("loyalty-service", Set.of("admin")));
        // an integration held back below its staff role
        assertEquals(HELD_BACK, limits.limitFor("noisy-till", Set.of("staff")));
        // a member signed in through a client with its own limit
        assertEquals(HELD_BACK, limits.limitFor("noisy-till", Set.of("member")));
    }

    /**
     * With gateway.rate-limit.replicas=N each replica enforces its share of every figure, rounded up: the production
     * overlay runs 3 replicas at least, so a till chain's 5,000 burst and 2,000/s are 1,667 and 667 per replica.
     */
    @Test
    void eachReplicaEnforcesItsShareRoundedUp() {
        assertEquals(new Limit(1_667, 667), STAFF.perReplica(3));
        assertEquals(new Limit(7, 4), new Limit(20, 10).perReplica(3));
        assertEquals(new Limit(34, 17), PHONE.perReplica(3));
        assertEquals(STAFF, STAFF.perReplica(1));
        assertEquals(new Limit(1, 1), new Limit(1, 1).perReplica(10));
        assertThrows(IllegalArgumentException.class, () -> STAFF.perReplica(0));
    }

    @Test
    void theClientIsTheAzpClaimElseClientId() {
        assertEquals("loyalty-app", SubjectLimits.clientId(Map.<String, Object>of("azp", "loyalty-app")::get));
        assertEquals(
                "loyalty-service",
                SubjectLimits.clientId(Map.<String, Object>of("client_id", Json.createValue("loyalty-service"))::get));
        assertEquals(
                "loyalty-app",
                SubjectLimits.clientId(Map.<String, Object>of("azp", "loyalty-app", "client_id", "other")::get));
        assertEquals("other", SubjectLimits.clientId(Map.<String, Object>of("azp", " ", "client_id", "other")::get));
        assertNull(SubjectLimits.clientId(Map.<String, Object>of("sub", "x")::get));
        assertNull(SubjectLimits.clientId(Map.<String, Object>of("azp", 42)::get));
    }
}
