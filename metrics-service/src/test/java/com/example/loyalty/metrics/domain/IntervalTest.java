package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void periodsStartOnTheDayOnMondayAndOnTheFirst() {
        LocalDate thursday = LocalDate.parse("2026-03-05");
        assertEquals(thursday, Interval.DAY.start(thursday));
        assertEquals(LocalDate.parse("2026-03-02"), Interval.WEEK.start(thursday));
        assertEquals(LocalDate.parse("2026-03-01"), Interval.MONTH.start(thursday));
        assertEquals(LocalDate.parse("2026-03-09"), Interval.WEEK.next(LocalDate.parse("2026-03-02")));
    }

    @Test
    void periodsBetweenCountPartialPeriods() {
        LocalDate from = LocalDate.parse("2026-03-05");
        LocalDate to = LocalDate.parse("2026-04-02");
        assertEquals(29, Interval.DAY.periodsBetween(from, to));
        assertEquals(5, Interval.WEEK.periodsBetween(from, to)); // weeks of 2, 9, 16, 23, 30 March
        assertEquals(2, Interval.MONTH.periodsBetween(from, to));
    }
}
