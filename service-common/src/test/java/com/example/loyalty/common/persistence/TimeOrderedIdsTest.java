package com.example.loyalty.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7CarryTheirTimeAndIncrease() {
        long before = Instant.now().toEpochMilli();
        UUID previous = TimeOrderedIds.next();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedIds.next();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertTrue(seen.add(id), "unique");
            // in time order, also within a millisecond: an unsigned comparison of the 128 bits, as PostgreSQL orders
            assertTrue(compareUnsigned(previous, id) < 0, previous + " before " + id);
            previous = id;
        }
        long millis = previous.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= Instant.now().toEpochMilli(), "the first 48 bits are the time");
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
