package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void majorUnitsBecomeExactMinorUnitsOfEachCurrency() {
        assertEquals(2933, Money.minorUnits("29.33", "USD"));
        assertEquals(2930, Money.minorUnits("29.3", "USD"));
        assertEquals(2900, Money.minorUnits("29", "USD"));
        assertEquals(150, Money.minorUnits("1.50", "USD"));
        assertEquals(150, Money.minorUnits("1.500", "USD"), "trailing zeros lose nothing");
        assertEquals(1, Money.minorUnits("0.01", "USD"));
        assertEquals(1200, Money.minorUnits("1200", "JPY"));
        assertEquals(1200, Money.minorUnits("1200.0", "JPY"));
        assertEquals(1234, Money.minorUnits("1.234", "KWD"), "three decimals for the dinar");
        assertEquals(1_000_000_000_000L, Money.minorUnits("10000000000.00", "USD"));
        // a value that a double would get wrong
        assertEquals(1_000_000_000_01L, Money.minorUnits("1000000000.01", "EUR"));
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertRefused("1.5", "JPY", "decimals");
        assertRefused("1.234", "USD", "decimals");
        assertRefused("0.001", "USD", "decimals");
        assertRefused("1.2345", "KWD", "decimals");
    }

    @Test
    void unknownCurrenciesAndMalformedAmountsAreRefused() {
        assertRefused("10", "ZZZ", "unknown currency");
        assertRefused("10", "usd", "ISO 4217");
        assertRefused("10", "US", "ISO 4217");
        assertRefused("10", null, "ISO 4217");
        assertRefused("10", "XAU", "no minor unit");
        for (String bad : new String[] {"", "-1", "+1", "1e3", "1,000", "1.", ".5", "12 00", "abc", "0", "0.00"}) {
            assertThrows(IllegalArgumentException.class, () -> Money.minorUnits(bad, "USD"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnits(null, "USD"));
        assertRefused("10000000000.01", "USD", "too large");
    }

    @Test
    void historyMayHaveCostNothingTheTillNever() {
        assertEquals(0, Money.minorUnitsOrZero("0.00", "USD"));
        assertEquals(0, Money.minorUnitsOrZero("0", "JPY"));
        assertEquals(2_933, Money.minorUnitsOrZero("29.33", "USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnits("0.00", "USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnitsOrZero("-1", "USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnitsOrZero("0.001", "USD"));
    }

    @Test
    void timesAreInstantsOrLocalTimesOfTheProgramsZone() {
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), ImportTimes.parse("2026-01-02T03:04:05Z", TOKYO));
        assertEquals(Instant.parse("2026-01-02T03:04:05.250Z"), ImportTimes.parse("2026-01-02T03:04:05.250Z", TOKYO));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), ImportTimes.parse("2026-01-02T12:04:05+09:00", TOKYO));
        assertEquals(Instant.parse("2026-01-02T08:04:05Z"), ImportTimes.parse("2026-01-02T03:04:05-05:00", TOKYO));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), ImportTimes.parse("2026-01-02T12:04:05", TOKYO));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), ImportTimes.parse("2026-01-02 12:04:05", TOKYO));
        assertEquals(Instant.parse("1996-12-31T15:00:00Z"), ImportTimes.parse("1997-01-01", TOKYO));
        assertEquals(Instant.parse("1996-12-31T15:00:00Z"), ImportTimes.parse("19970101", TOKYO));
        assertEquals(
                Instant.parse("1997-01-01T05:00:00Z"), ImportTimes.parse("19970101", ZoneId.of("America/New_York")));
        for (String bad :
                new String[] {"", "yesterday", "2026-13-01", "2026-02-30", "20261301", "01/02/2026", "2026-01-02T25:00"
                }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ImportTimes.parse(bad, TOKYO), bad);
            assertTrue(e.getMessage().contains("not a date or time"), e.getMessage());
        }
    }

    private static void assertRefused(String amount, String currency, String reason) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Money.minorUnits(amount, currency));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
