package com.example.loyalty.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The days an RFM computation looks at, in the zone whose calendar days purchases fall on: everything up to the end
 * of the as-of day counts for recency (days from the last purchase's day to the as-of day); frequency and monetary
 * count the purchases of the {@code months} months ending on the as-of day, i.e. from the day after
 * {@code asOf - months} to {@code asOf}, both included (12 months to 2026-06-30: 2025-07-01 to 2026-06-30).
 *
 * @param asOf   the day the scores are as of
 * @param zone   the zone of the calendar days
 * @param months length of the frequency/monetary window
 */
public record RfmWindow(LocalDate asOf, ZoneId zone, int months) {

    /** Earliest as-of day accepted. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    public RfmWindow {
        if (asOf == null || zone == null) {
            throw new IllegalArgumentException("as-of day and zone are required");
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("the RFM window is 1 to 120 months, was " + months);
        }
    }

    /** First instant after the as-of day: purchases from here on are not counted at all. */
    public Instant end() {
        return asOf.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** First day of the frequency/monetary window. */
    public LocalDate firstDay() {
        return asOf.minusMonths(months).plusDays(1);
    }

    /** First instant of the frequency/monetary window. */
    public Instant start() {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /**
     * The zone as PostgreSQL's {@code AT TIME ZONE} understands it: a region's id as it is; a fixed offset in POSIX
     * form, whose sign is the other way round ({@code +09:00} is {@code UTC-09:00:00}).
     */
    public String postgresZone() {
        ZoneId normal = zone.normalized();
        if (normal instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            int seconds = -offset.getTotalSeconds();
            String sign = seconds < 0 ? "-" : "+";
            int abs = Math.abs(seconds);
            return String.format("UTC%s%02d:%02d:%02d", sign, abs / 3600, abs / 60 % 60, abs % 60);
        }
        return zone.getId();
    }
}
