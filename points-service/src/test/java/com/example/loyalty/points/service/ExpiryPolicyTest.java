package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.loyalty.points.config.ExpiryMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ExpiryPolicyTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void neverExpiringLotsHaveNoDate() {
        assertNull(new ExpiryPolicy(ExpiryMode.NEVER, 24, 4, TOKYO).expiresAt(Instant.now()));
    }

    @Test
    void monthsAfterEarningEndWithTheLastDayInTheProgramsZone() {
        ExpiryPolicy policy = new ExpiryPolicy(ExpiryMode.MONTHS_AFTER_EARNING, 24, 4, TOKYO);
        // earned 15 March 2025 at 10:00 in Tokyo: spendable through 15 March 2027, gone at midnight starting the 16th
        assertEquals(midnight(2027, 3, 16), policy.expiresAt(tokyo(2025, 3, 15, 10, 0)));
        // 00:30 in Tokyo is still the day before in UTC: the program's day counts
        assertEquals(midnight(2027, 3, 16), policy.expiresAt(tokyo(2025, 3, 15, 0, 30)));
        assertEquals(midnight(2027, 3, 16), policy.expiresAt(tokyo(2025, 3, 15, 23, 59)));
    }

    @Test
    void monthsAfterEarningClipToTheEndOfAShorterMonth() {
        ExpiryPolicy policy = new ExpiryPolicy(ExpiryMode.MONTHS_AFTER_EARNING, 1, 4, TOKYO);
        // 31 January + 1 month is 28 February (2025), the last day
        assertEquals(midnight(2025, 3, 1), policy.expiresAt(tokyo(2025, 1, 31, 12, 0)));
        // a leap year: 29 February
        assertEquals(midnight(2024, 3, 1), policy.expiresAt(tokyo(2024, 1, 31, 12, 0)));
    }

    @Test
    void zeroMonthsAfterEarningLastTheDayOfEarning() {
        ExpiryPolicy policy = new ExpiryPolicy(ExpiryMode.MONTHS_AFTER_EARNING, 0, 4, TOKYO);
        assertEquals(midnight(2025, 3, 16), policy.expiresAt(tokyo(2025, 3, 15, 10, 0)));
    }

    @Test
    void fiscalPeriodEndExpiresEverythingEarnedInOneFiscalYearTogether() {
        // April fiscal years, 12 months: what is earned in FY2025 (April 2025 - March 2026) expires at the end of
        // FY2026
        ExpiryPolicy policy = new ExpiryPolicy(ExpiryMode.FISCAL_PERIOD_END, 12, 4, TOKYO);
        assertEquals(midnight(2027, 4, 1), policy.expiresAt(tokyo(2025, 4, 1, 0, 5)));
        assertEquals(midnight(2027, 4, 1), policy.expiresAt(tokyo(2025, 10, 10, 12, 0)));
        assertEquals(midnight(2027, 4, 1), policy.expiresAt(tokyo(2026, 3, 31, 23, 59)));
        // the next fiscal year's earnings a year later
        assertEquals(midnight(2028, 4, 1), policy.expiresAt(tokyo(2026, 4, 1, 0, 0)));
    }

    @Test
    void fiscalPeriodEndWithZeroMonthsIsTheEndOfTheFiscalYearOfEarning() {
        ExpiryPolicy policy = new ExpiryPolicy(ExpiryMode.FISCAL_PERIOD_END, 0, 4, TOKYO);
        assertEquals(midnight(2025, 4, 1), policy.expiresAt(tokyo(2025, 3, 31, 12, 0)));
        assertEquals(midnight(2026, 4, 1), policy.expiresAt(tokyo(2025, 4, 1, 12, 0)));
    }

    @Test
    void aCalendarFiscalYear() {
        ExpiryPolicy policy = new ExpiryPolicy(ExpiryMode.FISCAL_PERIOD_END, 12, 1, TOKYO);
        assertEquals(midnight(2027, 1, 1), policy.expiresAt(tokyo(2025, 1, 1, 12, 0)));
        assertEquals(midnight(2027, 1, 1), policy.expiresAt(tokyo(2025, 12, 31, 12, 0)));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExpiryPolicy(ExpiryMode.NEVER, -1, 4, TOKYO));
        assertThrows(IllegalArgumentException.class, () -> new ExpiryPolicy(ExpiryMode.NEVER, 1, 13, TOKYO));
        assertThrows(IllegalArgumentException.class, () -> new ExpiryPolicy(ExpiryMode.NEVER, 1, 0, TOKYO));
    }

    private static Instant tokyo(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(TOKYO).toInstant();
    }

    private static Instant midnight(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(TOKYO).toInstant();
    }
}
