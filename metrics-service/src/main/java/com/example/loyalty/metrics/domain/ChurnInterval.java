package com.example.loyalty.metrics.domain;

import com.example.loyalty.common.text.Enums;
import java.time.LocalDate;
import java.util.Locale;

/** The period length of a churn series: calendar months or calendar quarters (January, April, July, October). */
public enum ChurnInterval {
    MONTH,
    QUARTER;

    /** First day of the period containing {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
        };
    }

    /** First day of the period after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The default first day of a series ending on {@code to}: the start of the 12th month or 4th quarter back. */
    public LocalDate defaultFrom(LocalDate to) {
        return switch (this) {
            case MONTH -> start(to).minusMonths(11);
            case QUARTER -> start(to).minusMonths(9);
        };
    }

    /** Number of periods touched by the days {@code from} to {@code to} (both included). */
    public long periodsBetween(LocalDate from, LocalDate to) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(start(from), start(to));
        return (this == MONTH ? months : months / 3) + 1;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; {@code null} if {@code name} is no churn interval. */
    public static ChurnInterval parse(String name) {
        return Enums.parse(ChurnInterval.class, name);
    }
}
