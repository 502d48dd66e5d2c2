package com.example.loyalty.metrics.domain.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.loyalty.metrics.Cdnow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PurchaseDaysTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Rounding of the published summary to 2 decimals, and a little for binary fractions. */
    private static final double ROUNDING = 0.005 + 1e-9;

    @Test
    void theRawCdnowSampleGivesThePublishedSummaryOfEveryCustomer() {
        // purchases at local midnight in the behaviour zone, as the service stores imported dates
        List<PurchaseDays.Purchase<Integer>> purchases = Cdnow.transactions().stream()
                .map(t -> new PurchaseDays.Purchase<>(
                        t.sampleId(), t.date().atStartOfDay(TOKYO).toInstant(), t.cents()))
                .toList();
        Map<Integer, PurchaseSummary> mine = PurchaseDays.summarise(purchases, TOKYO, Cdnow.CALIBRATION_END, 2);

        Map<Integer, Cdnow.Summary> published =
                Cdnow.summaries().stream().collect(Collectors.toMap(Cdnow.Summary::id, s -> s));
        assertEquals(Cdnow.CUSTOMERS, published.size());
        assertEquals(published.keySet(), mine.keySet());
        for (Cdnow.Summary p : published.values()) {
            PurchaseSummary s = mine.get(p.id());
            String who = "customer " + p.id();
            assertEquals(p.x(), s.frequency(), who + " x");
            assertEquals(p.tx(), s.recencyWeeks(), ROUNDING, who + " t_x");
            assertEquals(p.t(), s.ageWeeks(), ROUNDING, who + " T");
            assertEquals(p.zbar(), s.meanRepeatSpend(), ROUNDING, who + " zbar");
        }
        assertEquals(
                Cdnow.REPEATERS,
                mine.values().stream().filter(PurchaseSummary::isRepeater).count());
    }

    @Test
    void aFirstPurchaseOnJanuaryFirstIs272DaysOldAtTheEndOfSeptember() {
        PurchaseSummary s = PurchaseSummary.fromDays(
                LocalDate.of(1997, 1, 1), LocalDate.of(1997, 1, 1), 0, 0, Cdnow.CALIBRATION_END, 2);
        assertEquals(272 / 7.0, s.ageWeeks(), 1e-12);
        assertEquals(38.86, s.ageWeeks(), 0.005);
    }

    @Test
    void purchasesAreCountedByCalendarDayInTheZoneAndTheEndDayIsIncluded() {
        LocalDate end = LocalDate.of(2026, 3, 31);
        List<PurchaseDays.Purchase<String>> purchases = List.of(
                // 2026-03-01 in Tokyo: first day, two purchases
                new PurchaseDays.Purchase<>("m", Instant.parse("2026-02-28T15:00:00Z"), 1_000),
                new PurchaseDays.Purchase<>("m", Instant.parse("2026-03-01T14:59:59Z"), 500),
                // 2026-03-08 in Tokyo (still the 7th in UTC): a repeat day of two purchases, 3,000 yen
                new PurchaseDays.Purchase<>("m", Instant.parse("2026-03-07T23:30:00Z"), 2_000),
                new PurchaseDays.Purchase<>("m", Instant.parse("2026-03-08T01:00:00Z"), 1_000),
                // the end day, last second in Tokyo: counted
                new PurchaseDays.Purchase<>("m", Instant.parse("2026-03-31T14:59:59Z"), 6_000),
                // the day after the end in Tokyo: not counted
                new PurchaseDays.Purchase<>("m", Instant.parse("2026-03-31T15:00:00Z"), 9_999),
                // only after the end: not summarised at all
                new PurchaseDays.Purchase<>("late", Instant.parse("2026-04-02T00:00:00Z"), 100));
        Map<String, PurchaseSummary> summaries = PurchaseDays.summarise(purchases, TOKYO, end, 0);

        assertFalse(summaries.containsKey("late"));
        PurchaseSummary m = summaries.get("m");
        assertEquals(2, m.frequency());
        assertEquals(30 / 7.0, m.recencyWeeks(), 1e-12);
        assertEquals(30 / 7.0, m.ageWeeks(), 1e-12);
        assertEquals((3_000 + 6_000) / 2.0, m.meanRepeatSpend(), 1e-9);
    }

    @Test
    void minorUnitsBecomeMajorUnits() {
        PurchaseSummary s = PurchaseSummary.fromDays(
                LocalDate.of(1997, 1, 1), LocalDate.of(1997, 1, 18), 1, 2973, Cdnow.CALIBRATION_END, 2);
        assertEquals(29.73, s.meanRepeatSpend(), 1e-12);
        assertEquals(17 / 7.0, s.recencyWeeks(), 1e-12);
    }

    @Test
    void summariesOutOfOrderAreRefused() {
        LocalDate day = LocalDate.of(1997, 3, 1);
        assertThrows(
                IllegalArgumentException.class,
                () -> PurchaseSummary.fromDays(day, day.minusDays(1), 1, 100, day.plusDays(3), 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> PurchaseSummary.fromDays(day, day.plusDays(5), 1, 100, day.plusDays(3), 2));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSummary(0, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSummary(1, 3, 2, 10));
    }
}
