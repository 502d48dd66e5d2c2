package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ChurnPeriodsTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void quartersStartInJanuaryAprilJulyOctober() {
        assertEquals(d("2025-01-01"), ChurnInterval.QUARTER.start(d("2025-02-14")));
        assertEquals(d("2025-10-01"), ChurnInterval.QUARTER.start(d("2025-12-31")));
        assertEquals(d("2025-07-01"), ChurnInterval.QUARTER.start(d("2025-07-01")));
        assertEquals(d("2026-01-01"), ChurnInterval.QUARTER.next(d("2025-10-01")));
        assertEquals(d("2025-03-01"), ChurnInterval.MONTH.start(d("2025-03-31")));
    }

    @Test
    void defaultRangesAreTwelveMonthsOrFourQuarters() {
        LocalDate today = d("2026-12-02");
        assertEquals(d("2026-01-01"), ChurnInterval.MONTH.defaultFrom(today));
        assertEquals(d("2026-01-01"), ChurnInterval.QUARTER.defaultFrom(today));
        assertEquals(
                12,
                new ChurnPeriods(ChurnInterval.MONTH, d("2026-01-01"), today)
                        .spans()
                        .size());
        assertEquals(
                4,
                new ChurnPeriods(ChurnInterval.QUARTER, d("2026-01-01"), today)
                        .spans()
                        .size());
        assertEquals(d("2025-04-01"), ChurnInterval.QUARTER.defaultFrom(d("2026-02-10")));
    }

    @Test
    void periodsBetweenCountPartialPeriods() {
        assertEquals(2, ChurnInterval.MONTH.periodsBetween(d("2025-07-15"), d("2025-08-20")));
        assertEquals(1, ChurnInterval.MONTH.periodsBetween(d("2025-07-15"), d("2025-07-15")));
        assertEquals(2, ChurnInterval.QUARTER.periodsBetween(d("2025-06-30"), d("2025-07-01")));
        assertEquals(120, ChurnInterval.MONTH.periodsBetween(d("2016-01-31"), d("2025-12-01")));
        assertEquals(40, ChurnInterval.QUARTER.periodsBetween(d("2016-03-31"), d("2025-10-01")));
    }

    @Test
    void periodsAreCutToTheRangeAndCheckpointsEndTheDayAfter() {
        ChurnPeriods p = new ChurnPeriods(ChurnInterval.MONTH, d("2025-07-15"), d("2025-08-20"));
        assertEquals(
                List.of(
                        new ChurnPeriods.Span(d("2025-07-15"), d("2025-07-31"), true),
                        new ChurnPeriods.Span(d("2025-08-01"), d("2025-08-20"), true)),
                p.spans());
        assertEquals(List.of(d("2025-07-15"), d("2025-08-01"), d("2025-08-21")), p.checkpoints());
        assertEquals(d("2025-01-16"), p.firstRelevantDay(180));

        ChurnPeriods q = new ChurnPeriods(ChurnInterval.QUARTER, d("2025-04-01"), d("2025-09-30"));
        assertEquals(
                List.of(
                        new ChurnPeriods.Span(d("2025-04-01"), d("2025-06-30"), false),
                        new ChurnPeriods.Span(d("2025-07-01"), d("2025-09-30"), false)),
                q.spans());
        assertEquals(List.of(d("2025-04-01"), d("2025-07-01"), d("2025-10-01")), q.checkpoints());
        assertThrows(
                IllegalArgumentException.class,
                () -> new ChurnPeriods(ChurnInterval.MONTH, d("2025-02-01"), d("2025-01-31")));
    }

    @Test
    void tallyCountsActiveAtStartAndStoppedFromRuns() {
        // n = 3 periods; runs of checkpoints: A [0,0] stops in 0, B [0,3] never stops, C [1,2] stops in 2, D [2,3]
        ChurnPeriods p = new ChurnPeriods(ChurnInterval.MONTH, d("2025-01-01"), d("2025-03-31"));
        List<ChurnPeriods.Period> periods = p.tally(List.of(
                new ChurnPeriods.RunCount(0, 2, 1),
                new ChurnPeriods.RunCount(1, 1, 0),
                new ChurnPeriods.RunCount(2, 1, 1),
                new ChurnPeriods.RunCount(3, 0, 2)));
        assertEquals(
                List.of(2L, 2L, 3L),
                periods.stream().map(ChurnPeriods.Period::activeAtStart).toList());
        assertEquals(
                List.of(1L, 0L, 1L),
                periods.stream().map(ChurnPeriods.Period::stopped).toList());
        assertEquals(new BigDecimal("50.00"), periods.get(0).churnRate());
        assertEquals(new BigDecimal("0.00"), periods.get(1).churnRate());
        assertEquals(new BigDecimal("33.33"), periods.get(2).churnRate());
        assertEquals(2, periods.get(2).retained());
        assertFalse(periods.get(0).partial());
    }

    @Test
    void noOneActiveMeansNoRate() {
        ChurnPeriods p = new ChurnPeriods(ChurnInterval.MONTH, d("2025-01-01"), d("2025-01-31"));
        ChurnPeriods.Period only = p.tally(List.of()).get(0);
        assertEquals(0, only.activeAtStart());
        assertNull(only.churnRate());
    }

    /**
     * The run computation the database does (purchase → range of checkpoints by binary search, runs merged in
     * purchase order) against the definition applied member by member, day by day, on random histories.
     */
    @Test
    void runsAgreeWithTheDefinitionOnRandomHistories() {
        Random random = new Random(9);
        for (int round = 0; round < 200; round++) {
            ChurnInterval interval = random.nextBoolean() ? ChurnInterval.MONTH : ChurnInterval.QUARTER;
            LocalDate from = d("2025-01-01").plusDays(random.nextInt(200));
            LocalDate to = from.plusDays(random.nextInt(400));
            int window = 1 + random.nextInt(random.nextBoolean() ? 40 : 200);
            ChurnPeriods periods = new ChurnPeriods(interval, from, to);
            List<LocalDate> checkpoints = periods.checkpoints();
            List<TreeSet<LocalDate>> members = new ArrayList<>();
            for (int m = 0; m < 30; m++) {
                TreeSet<LocalDate> days = new TreeSet<>();
                int n = random.nextInt(8);
                for (int k = 0; k < n; k++) {
                    days.add(from.minusDays(250).plusDays(random.nextInt(800)));
                }
                members.add(days);
            }

            List<ChurnPeriods.Period> expected = new ArrayList<>();
            for (int i = 0; i < periods.spans().size(); i++) {
                long active = 0;
                long stopped = 0;
                for (TreeSet<LocalDate> days : members) {
                    boolean atStart = active(days, checkpoints.get(i), window);
                    boolean atEnd = active(days, checkpoints.get(i + 1), window);
                    if (atStart) {
                        active++;
                        if (!atEnd) {
                            stopped++;
                        }
                    }
                }
                ChurnPeriods.Span s = periods.spans().get(i);
                expected.add(new ChurnPeriods.Period(s.start(), s.end(), s.partial(), active, stopped));
            }
            assertEquals(expected, periods.tally(runs(members, checkpoints, window)), "round " + round);
        }
    }

    /** The definition: a purchase on one of the W days before {@code t}. */
    private static boolean active(TreeSet<LocalDate> days, LocalDate t, int window) {
        LocalDate last = days.lower(t);
        return last != null && !last.isBefore(t.minusDays(window));
    }

    /** What ChurnRepository's statement computes, in Java. */
    private static List<ChurnPeriods.RunCount> runs(
            List<TreeSet<LocalDate>> members, List<LocalDate> checkpoints, int window) {
        Map<Integer, long[]> counts = new HashMap<>();
        for (TreeSet<LocalDate> days : members) {
            List<int[]> ranges = new ArrayList<>();
            for (LocalDate p : days) {
                int lo = widthBucket(p, checkpoints);
                int hi = widthBucket(p.plusDays(window), checkpoints) - 1;
                if (lo <= hi) {
                    ranges.add(new int[] {lo, hi});
                }
            }
            for (int k = 0; k < ranges.size(); k++) {
                int lo = ranges.get(k)[0];
                int hi = ranges.get(k)[1];
                boolean starts = k == 0 || ranges.get(k - 1)[1] + 1 < lo;
                boolean ends = k == ranges.size() - 1 || ranges.get(k + 1)[0] > hi + 1;
                if (starts) {
                    counts.computeIfAbsent(lo, x -> new long[2])[0]++;
                }
                if (ends) {
                    counts.computeIfAbsent(hi, x -> new long[2])[1]++;
                }
            }
        }
        List<ChurnPeriods.RunCount> runs = new ArrayList<>();
        counts.forEach((i, c) -> runs.add(new ChurnPeriods.RunCount(i, c[0], c[1])));
        assertTrue(runs.size() <= checkpoints.size());
        return runs;
    }

    /** PostgreSQL's width_bucket(operand, thresholds): how many thresholds are ≤ the operand. */
    private static int widthBucket(LocalDate operand, List<LocalDate> thresholds) {
        int n = 0;
        for (LocalDate t : thresholds) {
            if (!t.isAfter(operand)) {
                n++;
            }
        }
        return n;
    }
}
