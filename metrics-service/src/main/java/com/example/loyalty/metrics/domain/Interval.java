package com.example.loyalty.metrics.domain;

import com.example.loyalty.common.text.Enums;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The period length of a survey time series. Weeks are ISO weeks (Monday to Sunday); months are calendar months. */
public enum Interval {
    DAY,
    WEEK,
    MONTH;

    /** First day of the period containing {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** First day of the period after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Number of periods touched by the days {@code from} to {@code to} (both included). */
    public long periodsBetween(LocalDate from, LocalDate to) {
        LocalDate a = start(from);
        LocalDate b = start(to);
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(a, b) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(a, b) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(a, b) + 1;
        };
    }

    /** The default first day of a series ending on {@code to}: 30 days, 12 weeks or 12 months back. */
    public LocalDate defaultFrom(LocalDate to) {
        return switch (this) {
            case DAY -> to.minusDays(29);
            case WEEK -> start(to).minusWeeks(11);
            case MONTH -> start(to).minusMonths(11);
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; {@code null} if {@code name} is no interval. */
    public static Interval parse(String name) {
        return Enums.parse(Interval.class, name);
    }
}
