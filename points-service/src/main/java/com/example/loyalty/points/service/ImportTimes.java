package com.example.loyalty.points.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Points in time as exports write them: an ISO instant or offset date-time ({@code 2026-01-02T03:04:05Z},
 * {@code 2026-01-02T12:04:05+09:00}), an ISO local date-time ({@code 2026-01-02T12:04:05}, also with a space for the
 * {@code T}) or a date ({@code 1997-01-01}, {@code 19970101}, the start of that day). Local values are in the program's
 * zone.
 */
public final class ImportTimes {

    private ImportTimes() {}

    /** @throws IllegalArgumentException naming the value when it is none of the accepted forms */
    public static Instant parse(String value, ZoneId zone) {
        if (value == null) {
            throw new IllegalArgumentException("a date or time is required");
        }
        String v = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11)
                : value;
        try {
            if (v.length() == 8) {
                return LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE)
                        .atStartOfDay(zone)
                        .toInstant();
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            if (v.endsWith("Z") || v.endsWith("z") || hasOffset(v)) {
                return OffsetDateTime.parse(v.endsWith("z") ? v.substring(0, v.length() - 1) + 'Z' : v)
                        .toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeException e) { // unreadable, or readable but beyond what an instant holds
            throw new IllegalArgumentException(
                    "not a date or time: \"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
                            + "\" (use 2026-01-02T03:04:05Z, 2026-01-02T12:04:05, 2026-01-02 or 20260102)");
        }
    }

    /** An offset such as +09:00 or -05:00 after the time part. */
    private static boolean hasOffset(String v) {
        int t = v.indexOf('T');
        return t > 0 && (v.indexOf('+', t) > 0 || v.indexOf('-', t) > 0);
    }
}
