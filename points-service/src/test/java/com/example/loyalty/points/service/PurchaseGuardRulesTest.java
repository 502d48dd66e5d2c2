package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure rules behind the purchase guards: the oldest occurredAt allowed, the ceilings' check, extreme times. */
class PurchaseGuardRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant EPOCH = Instant.EPOCH;

    @Test
    void theOldestAllowedIsTheMaxAgeAgoButNeverBeforeTheEarliest() {
        assertEquals(
                Instant.parse("2026-09-03T12:00:00Z"), PurchaseService.oldestAllowed(NOW, Duration.ofDays(90), EPOCH));
        assertEquals(EPOCH, PurchaseService.oldestAllowed(NOW, Duration.ofDays(365 * 100), EPOCH));
        Instant founded = Instant.parse("2026-10-01T00:00:00Z");
        assertEquals(founded, PurchaseService.oldestAllowed(NOW, Duration.ofDays(90), founded));
        // a max age beyond the calendar does not fail: the earliest bounds it
        assertEquals(EPOCH, PurchaseService.oldestAllowed(NOW, Duration.ofSeconds(Long.MAX_VALUE), EPOCH));
        assertEquals(EPOCH, PurchaseService.oldestAllowed(NOW, Duration.ofDays(1_000_000_000_000L), EPOCH));
        assertEquals(NOW, PurchaseService.oldestAllowed(NOW, Duration.ZERO, EPOCH));
    }

    @Test
    void theMaxAgeReadsInDaysWhenItIsWholeDays() {
        assertEquals("90 days", PurchaseService.readable(Duration.ofDays(90)));
        assertEquals("1 day", PurchaseService.readable(Duration.ofDays(1)));
        assertEquals("PT36H", PurchaseService.readable(Duration.ofHours(36)));
    }

    @Test
    void everyCurrencyThatEarnsNeedsAPositiveCeiling() {
        assertEquals(List.of(), PurchaseService.ceilingProblems(Map.of("JPY", 100), Map.of("JPY", 1_000_000L)));
        // a ceiling for a currency that does not earn is harmless
        assertEquals(List.of(), PurchaseService.ceilingProblems(Map.of("JPY", 100), Map.of("JPY", 1L, "USD", 5_000L)));
        assertEquals(
                List.of(
                        "points.purchases.max-amount.EUR is 0, not positive",
                        "points.purchases.max-amount.USD is missing"),
                PurchaseService.ceilingProblems(
                        Map.of("JPY", 100, "USD", 100, "EUR", 100), Map.of("JPY", 1_000_000L, "EUR", 0L)));
    }

    @Test
    void extremeTimesInAFileAreRefusedByNameNeverThrownThrough() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        for (String bad : new String[] {
            "+1000000001-01-01T00:00:00Z",
            "-1000000001-01-01T00:00:00Z",
            "+9999999999-01-01",
            "2026-01-01T00:00:00+99:00"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ImportTimes.parse(bad, tokyo), bad);
            assertTrue(e.getMessage().contains("not a date or time"), e.getMessage());
        }
        // readable, and then refused by the import's bounds (points.purchases.earliest, the future)
        assertTrue(ImportTimes.parse("-999999999-01-01T00:00:00", tokyo).isBefore(EPOCH));
        assertTrue(ImportTimes.parse("+999999-01-01T00:00:00Z", tokyo).isAfter(NOW));
    }
}
