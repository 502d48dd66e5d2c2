package com.example.loyalty.points.service;

import com.example.loyalty.points.config.ExpiryMode;
import com.example.loyalty.points.config.PointsConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The expiry date of a lot, from when it was earned ({@code points.expiry.*}). Lots expire at midnight in the program's
 * zone, at the start of the first day they may no longer be spent, so a member can spend them all of their last day.
 *
 * @param months               months of validity
 * @param fiscalYearStartMonth the month (1-12) a fiscal year starts with
 */
public record ExpiryPolicy(ExpiryMode mode, int months, int fiscalYearStartMonth, ZoneId zone) {

    public ExpiryPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(zone, "zone");
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("fiscalYearStartMonth must be 1-12: " + fiscalYearStartMonth);
        }
    }

    public static ExpiryPolicy of(PointsConfig config) {
        PointsConfig.Expiry e = config.expiry();
        return new ExpiryPolicy(e.mode(), e.months(), e.fiscalYearStartMonth(), config.zone());
    }

    /** When a lot earned at {@code earnedAt} expires; null: never. */
    public Instant expiresAt(Instant earnedAt) {
        LocalDate earned = LocalDate.ofInstant(earnedAt, zone);
        return switch (mode) {
            case NEVER -> null;
            // usable through the day `months` months on (31 January + 1 month: 28/29 February), gone at its end
            case MONTHS_AFTER_EARNING -> startOf(earned.plusMonths(months).plusDays(1));
            case FISCAL_PERIOD_END -> startOf(fiscalYearEnd(earned.plusMonths(months)));
        };
    }

    /** The first day after the fiscal year that {@code day} falls in. */
    LocalDate fiscalYearEnd(LocalDate day) {
        int startYear = day.getMonthValue() >= fiscalYearStartMonth ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(startYear + 1, fiscalYearStartMonth, 1);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
