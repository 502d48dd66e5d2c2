package com.example.loyalty.metrics.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One side of a comparison: which answers of a survey it counts. The text form (the {@code a} and {@code b} query
 * parameters of the compare endpoint):
 *
 * <pre>
 * selector = term *( "," term )
 * term     = "wave:" uuid
 *          / "tier:" code / "store:" id / "channel:" name     (exactly as counted; UNKNOWN for "none")
 *          / "period:" [date] ".." [date]                    (both days included; an open end is unbounded)
 *          / "period:" date                                  (one day)
 * date     = yyyy-MM-dd                                      (a calendar day in the configured zone)
 * </pre>
 *
 * A selector has at most one of wave, tier, store and channel (the aggregates are kept per one dimension) and at
 * most one period; keys are case-insensitive, values are taken as written (trimmed) and may not contain a comma.
 * Examples: {@code wave:4b0c…}, {@code period:2026-01-01..2026-03-31}, {@code tier:GOLD},
 * {@code tier:GOLD,period:2026-04-01..}.
 *
 * @param by    the breakdown dimension (WAVE, TIER, STORE or CHANNEL), or null for every answer
 * @param value the dimension's value (a wave id in canonical lower-case form), null iff {@code by} is
 * @param from  first day counted, or null
 * @param to    last day counted (included), or null
 */
public record ComparisonSelector(Breakdown by, String value, LocalDate from, LocalDate to) {

    /** Longest accepted text of a selector. */
    public static final int MAX_LENGTH = 300;

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String PERIOD = "period";
    private static final String RANGE = "..";

    public ComparisonSelector {
        if ((by == null) != (value == null) || by == Breakdown.ALL) {
            throw new IllegalArgumentException(
                    "a selector has a breakdown value iff it has a dimension other than ALL");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("period starts (" + from + ") after it ends (" + to + ")");
        }
    }

    /**
     * The selector written as {@code text}.
     *
     * @throws IllegalArgumentException with a message for the caller when the text does not follow the grammar
     */
    public static ComparisonSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        Breakdown by = null;
        String value = null;
        LocalDate from = null;
        LocalDate to = null;
        boolean period = false;
        for (String term : text.split(",", -1)) {
            String t = term.strip();
            int colon = t.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "'" + t + "' is not key:value (wave, tier, store, channel or period)");
            }
            String key = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String v = t.substring(colon + 1).strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(key + " has no value");
            }
            if (key.equals(PERIOD)) {
                if (period) {
                    throw new IllegalArgumentException("has more than one period");
                }
                period = true;
                LocalDate[] range = period(v);
                from = range[0];
                to = range[1];
                continue;
            }
            Breakdown dimension = Breakdown.parseBy(key);
            if (dimension == null) {
                throw new IllegalArgumentException("'" + key + "' is none of wave, tier, store, channel, period");
            }
            if (by != null) {
                throw new IllegalArgumentException("may name only one of wave, tier, store and channel (has "
                        + by.wireName() + " and " + dimension.wireName() + ")");
            }
            by = dimension;
            value = dimension == Breakdown.WAVE ? wave(v) : v;
        }
        return new ComparisonSelector(by, value, from, to);
    }

    /** The canonical text: the breakdown term, then the period ({@code period:from..to}, open ends left empty). */
    public String canonical() {
        List<String> terms = new ArrayList<>(2);
        if (by != null) {
            terms.add(by.wireName() + ":" + value);
        }
        if (hasPeriod()) {
            terms.add(PERIOD + ":" + (from == null ? "" : from) + RANGE + (to == null ? "" : to));
        }
        return terms.isEmpty() ? "all" : String.join(",", terms);
    }

    /** Whether the selector limits the days counted. */
    public boolean hasPeriod() {
        return from != null || to != null;
    }

    /**
     * Checks that {@code a} and {@code b} select disjoint answers, as the test of two independent samples needs: the
     * same dimension (or none) on both sides, and either different values of it or periods that do not overlap.
     *
     * @throws IllegalArgumentException naming the reason when they may share answers
     */
    public static void requireDisjoint(ComparisonSelector a, ComparisonSelector b) {
        if (a.by != b.by) {
            throw new IllegalArgumentException("a and b must select by the same dimension (a: " + dimension(a)
                    + ", b: " + dimension(b) + "): answers could be on both sides, and the test compares two "
                    + "independent samples");
        }
        if (!Objects.equals(a.value, b.value)) {
            return;
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException("a and b select the same answers (" + a.canonical() + ")");
        }
        LocalDate aFrom = a.from == null ? LocalDate.MIN : a.from;
        LocalDate aTo = a.to == null ? LocalDate.MAX : a.to;
        LocalDate bFrom = b.from == null ? LocalDate.MIN : b.from;
        LocalDate bTo = b.to == null ? LocalDate.MAX : b.to;
        if (!aFrom.isAfter(bTo) && !bFrom.isAfter(aTo)) {
            throw new IllegalArgumentException("the periods of a (" + a.canonical() + ") and b (" + b.canonical()
                    + ") overlap: an answer must not count on both sides");
        }
    }

    private static String dimension(ComparisonSelector s) {
        return s.by == null ? "none" : s.by.wireName();
    }

    private static String wave(String v) {
        if (!UUID_FORM.matcher(v).matches()) {
            throw new IllegalArgumentException("wave '" + v + "' is not a UUID");
        }
        return UUID.fromString(v).toString();
    }

    private static LocalDate[] period(String v) {
        int dots = v.indexOf(RANGE);
        if (dots < 0) {
            LocalDate day = date(v);
            return new LocalDate[] {day, day};
        }
        String left = v.substring(0, dots).strip();
        String right = v.substring(dots + RANGE.length()).strip();
        if (left.isEmpty() && right.isEmpty()) {
            throw new IllegalArgumentException("period '" + v + "' has neither a first nor a last day");
        }
        LocalDate from = left.isEmpty() ? null : date(left);
        LocalDate to = right.isEmpty() ? null : date(right);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("period '" + v + "' starts after it ends");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(String v) {
        if (!ISO_DATE.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + v + "' is not an ISO date (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a calendar date");
        }
    }
}
