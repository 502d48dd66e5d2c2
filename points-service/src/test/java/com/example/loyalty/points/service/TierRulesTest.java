package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.service.TierLadderView.Downgrade;
import com.example.loyalty.points.service.TierLadderView.Figures;
import com.example.loyalty.points.service.TierLadderView.Period;
import com.example.loyalty.points.service.TierLadderView.PeriodKind;
import com.example.loyalty.points.service.TierLadderView.QualifyBy;
import com.example.loyalty.points.service.TierLadderView.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of qualification, periods and downgrades (docs/tiers.md). */
class TierRulesTest {

    static final Instant NOW = Instant.parse("2026-06-15T00:00:00Z");

    static TierLadderView ladder(int graceDays, int maxSteps) {
        return new TierLadderView(
                12,
                1,
                List.of(
                        new Step("REGULAR", "Regular", 0, 0, BigDecimal.ONE),
                        new Step("SILVER", "Silver", 1, 0, BigDecimal.ONE, 3, 0, QualifyBy.ANY),
                        new Step("GOLD", "Gold", 2, 100_000, BigDecimal.ONE, 5, 0, QualifyBy.ALL),
                        new Step("PLATINUM", "Platinum", 3, 500_000, BigDecimal.ONE, 20, 5_000, QualifyBy.ANY)),
                Period.rolling(12),
                new Downgrade(graceDays, maxSteps));
    }

    @Test
    void anyNeedsOneThresholdAllNeedsEvery() {
        TierLadderView l = ladder(0, 1);
        assertEquals("REGULAR", l.qualifyingTier(new Figures(400_000, 2, 0)).code(), "GOLD: ALL; SILVER: count");
        assertEquals("SILVER", l.qualifyingTier(new Figures(0, 3, 0)).code());
        assertEquals("SILVER", l.qualifyingTier(new Figures(99_999, 5, 0)).code());
        assertEquals("GOLD", l.qualifyingTier(new Figures(100_000, 5, 0)).code());
        assertEquals("PLATINUM", l.qualifyingTier(new Figures(0, 0, 5_000)).code(), "ANY: points alone");
        assertEquals("PLATINUM", l.qualifyingTier(new Figures(0, 20, 0)).code());
        assertEquals(new Figures(100_000, 2, 0), l.step("GOLD").missing(new Figures(0, 3, 7)));
        // spend only, as before
        assertEquals("REGULAR", l.qualifyingTier(499_999).code());
        assertEquals("PLATINUM", l.qualifyingTier(500_000).code());
    }

    @Test
    void upgradesAtOnceAndQualifyingClearsTheMark() {
        TierLadderView l = ladder(30, 1);
        var d = TierRules.evaluate(l, "REGULAR", new Figures(100_000, 5, 0), null, null, NOW);
        assertEquals(new TierRules.Decision("GOLD", null), d);
        d = TierRules.evaluate(l, "GOLD", new Figures(100_000, 5, 0), NOW.minus(Duration.ofDays(3)), null, NOW);
        assertEquals(new TierRules.Decision("GOLD", null), d);
    }

    @Test
    void belowTheTierMarksFirstAndDowngradesOnlyAfterTheGrace() {
        TierLadderView l = ladder(30, 1);
        Figures nothing = new Figures(0, 0, 0);
        assertEquals(new TierRules.Decision("GOLD", NOW), TierRules.evaluate(l, "GOLD", nothing, null, null, NOW));
        Instant mark = NOW.minus(Duration.ofDays(29));
        assertEquals(new TierRules.Decision("GOLD", mark), TierRules.evaluate(l, "GOLD", nothing, mark, null, NOW));
        mark = NOW.minus(Duration.ofDays(30));
        assertEquals(
                new TierRules.Decision("SILVER", mark),
                TierRules.evaluate(l, "GOLD", nothing, mark, null, NOW),
                "one step (maxSteps 1); still below SILVER, the mark stays");
        assertEquals(
                new TierRules.Decision("REGULAR", null), TierRules.evaluate(l, "SILVER", nothing, mark, null, NOW));
    }

    @Test
    void noGraceDowngradesAtTheFirstEvaluationButNeverBelowWhatTheyQualifyFor() {
        TierLadderView l = ladder(0, 2);
        assertEquals(
                new TierRules.Decision("SILVER", NOW),
                TierRules.evaluate(l, "PLATINUM", new Figures(0, 0, 0), null, null, NOW));
        assertEquals(
                new TierRules.Decision("GOLD", null),
                TierRules.evaluate(l, "PLATINUM", new Figures(100_000, 5, 0), null, null, NOW));
        assertEquals(
                new TierRules.Decision("REGULAR", null),
                TierRules.evaluate(ladder(0, 5), "PLATINUM", new Figures(0, 0, 0), null, null, NOW));
    }

    @Test
    void anOverrideHoldsUntilItsDate() {
        TierLadderView l = ladder(0, 3);
        Instant until = NOW.plus(Duration.ofDays(1));
        assertEquals(
                new TierRules.Decision("GOLD", null),
                TierRules.evaluate(l, "GOLD", new Figures(0, 0, 0), null, until, NOW));
        assertEquals(
                new TierRules.Decision("GOLD", null),
                TierRules.evaluate(l, "GOLD", new Figures(500_000, 0, 0), null, until, NOW),
                "nor an upgrade");
        assertEquals(
                "REGULAR",
                TierRules.evaluate(l, "GOLD", new Figures(0, 0, 0), null, NOW, NOW)
                        .tier(),
                "ended");
    }

    @Test
    void calendarAndFiscalYearsStartInTheProgramsZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        var steps = ladder(0, 1).steps();
        TierLadderView calendar =
                new TierLadderView(12, 1, steps, new Period(PeriodKind.CALENDAR_YEAR, 12, 1, tokyo), Downgrade.DEFAULT);
        // 2026-01-01T00:00 in Tokyo is 2025-12-31T15:00Z
        Instant newYear = Instant.parse("2025-12-31T15:00:00Z");
        assertEquals(newYear.minusNanos(1_000), calendar.windowStart(NOW));
        assertEquals(Instant.parse("2026-12-31T15:00:00Z"), calendar.countsUntil(NOW));
        TierLadderView fiscal =
                new TierLadderView(12, 1, steps, new Period(PeriodKind.FISCAL_YEAR, 12, 4, tokyo), Downgrade.DEFAULT);
        assertEquals(Instant.parse("2026-03-31T15:00:00Z").minusNanos(1_000), fiscal.windowStart(NOW));
        assertEquals(
                Instant.parse("2025-03-31T15:00:00Z").minusNanos(1_000),
                fiscal.windowStart(Instant.parse("2026-03-31T14:59:59Z")),
                "the last second of FY2025");
        assertEquals(Instant.parse("2026-03-31T15:00:00Z"), fiscal.countsUntil(Instant.parse("2025-05-01T00:00:00Z")));
        assertTrue(fiscal.period().basis().startsWith("FISCAL_YEAR:4"));
        assertNull(ladder(0, 1).period().basis());
        assertEquals(Instant.parse("2025-06-15T00:00:00Z"), ladder(0, 1).windowStart(NOW));
    }

    @Test
    void ladderRulesForCountsAndPoints() {
        var ok = List.of(def("A", 0, 0, 0), def("B", 0, 3, 0), def("C", 100_000, 5, 0), def("D", 500_000, 20, 1_000));
        TierService.validate(ok);
        assertThrows(RuntimeException.class, () -> TierService.validate(List.of(def("A", 0, 1, 0))));
        assertThrows(
                RuntimeException.class,
                () -> TierService.validate(List.of(def("A", 0, 0, 0), def("B", 0, 0, 0))),
                "a tier above the first needs a threshold");
        assertThrows(
                RuntimeException.class,
                () -> TierService.validate(List.of(def("A", 0, 0, 0), def("B", 0, 5, 0), def("C", 0, 4, 0))),
                "fewer purchases than below");
        assertThrows(
                RuntimeException.class,
                () -> TierService.validate(List.of(def("A", 0, 0, 0), def("B", 0, 5, 0), def("C", 0, 5, 0))),
                "the same as below");
        // a threshold only one of two tiers sets is not compared
        TierService.validate(List.of(def("A", 0, 0, 0), def("B", 0, 5, 0), def("C", 10_000, 0, 0)));
        assertFalse(ladder(0, 1).steps().get(0).hasThreshold());
    }

    private static TierService.TierDefinition def(String code, long spend, long purchases, long points) {
        return new TierService.TierDefinition(code, code, spend, BigDecimal.ONE, purchases, points, QualifyBy.ANY);
    }
}
