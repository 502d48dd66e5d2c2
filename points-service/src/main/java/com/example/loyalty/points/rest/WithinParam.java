package com.example.loyalty.points.rest;

import com.example.loyalty.common.web.Problems;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period given as a query parameter, in days: {@code 30d}. */
final class WithinParam {

    static final String DEFAULT = "30d";
    static final int MAX_DAYS = 3660;

    private static final Pattern DAYS = Pattern.compile("([0-9]{1,5})d");

    private WithinParam() {}

    /** The period {@code raw} names (null or blank: {@link #DEFAULT}); a 400 problem for anything else. */
    static Duration parse(String raw) {
        String value = raw == null || raw.isBlank() ? DEFAULT : raw.trim();
        Matcher m = DAYS.matcher(value);
        if (m.matches()) {
            int days = Integer.parseInt(m.group(1));
            if (days >= 1 && days <= MAX_DAYS) {
                return Duration.ofDays(days);
            }
        }
        throw Problems.badRequest(
                "invalid-within",
                "Invalid period",
                "within must be a number of days from 1d to " + MAX_DAYS + "d, such as " + DEFAULT);
    }
}
