package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RfmWindowTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void twelveMonthsEndOnTheAsOfDayInTheZone() {
        RfmWindow w = new RfmWindow(LocalDate.parse("2026-06-30"), TOKYO, 12);
        assertEquals(LocalDate.parse("2025-07-01"), w.firstDay());
        assertEquals(Instant.parse("2025-06-30T15:00:00Z"), w.start());
        assertEquals(Instant.parse("2026-06-30T15:00:00Z"), w.end());
    }

    @Test
    void monthEndsAreClamped() {
        // 2026-03-31 minus one month is 2026-02-28: the window starts on 1 March
        RfmWindow w = new RfmWindow(LocalDate.parse("2026-03-31"), ZoneOffset.UTC, 1);
        assertEquals(LocalDate.parse("2026-03-01"), w.firstDay());
    }

    @Test
    void theZoneIsNamedAsPostgresqlReadsIt() {
        assertEquals("Asia/Tokyo", new RfmWindow(LocalDate.EPOCH, TOKYO, 12).postgresZone());
        assertEquals("UTC", new RfmWindow(LocalDate.EPOCH, ZoneOffset.UTC, 12).postgresZone());
        assertEquals("UTC-09:00:00", new RfmWindow(LocalDate.EPOCH, ZoneOffset.ofHours(9), 12).postgresZone());
        assertEquals(
                "UTC+05:30:00", new RfmWindow(LocalDate.EPOCH, ZoneOffset.ofHoursMinutes(-5, -30), 12).postgresZone());
    }

    @Test
    void aWindowOutsideOneToOneHundredTwentyMonthsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RfmWindow(LocalDate.EPOCH, TOKYO, 0));
        assertThrows(IllegalArgumentException.class, () -> new RfmWindow(LocalDate.EPOCH, TOKYO, 121));
    }
}
