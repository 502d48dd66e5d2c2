package com.example.loyalty.points.service;

import com.example.loyalty.common.text.Enums;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * What {@code GET /api/points/audit} asks for: optional filters (exact actor, target type, target id, action; a time
 * range, {@code from} inclusive, {@code to} exclusive), a page size and the cursor of the previous page. {@link #parse}
 * turns the raw query parameters into one, or a 400 problem naming the bad parameter.
 *
 * @param after the last entry of the previous page (null: the first page)
 */
public record AuditQuery(
        String actor,
        String targetType,
        String targetId,
        AuditAction action,
        Instant from,
        Instant to,
        Cursor after,
        int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /**
     * Where a page ended: the entries are ordered newest first by (at, seq), so the next page starts below this pair.
     * Clients see it only as an opaque string ({@link #encode}).
     */
    public record Cursor(Instant at, long seq) {

        public String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((at + "|" + seq).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                if (bar < 0) {
                    throw invalidCursor();
                }
                return new Cursor(Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // NumberFormatException is an IllegalArgumentException
                throw invalidCursor();
            }
        }

        private static RuntimeException invalidCursor() {
            return Problems.badRequest(
                    "invalid-cursor", "Invalid cursor", "pass the nextCursor of the previous page, unchanged");
        }
    }

    /** From the query parameters as sent (any may be null or blank: not given). */
    public static AuditQuery parse(
            String actor,
            String target,
            String targetType,
            String action,
            String from,
            String to,
            String cursor,
            String size) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw Problems.badRequest(
                    "invalid-time-range", "Invalid time range", "from (" + from + ") is after to (" + to + ")");
        }
        return new AuditQuery(
                text("actor", actor, 255),
                text("targetType", targetType, 32),
                text("target", target, 128),
                action(action),
                fromInstant,
                toInstant,
                blank(cursor) ? null : Cursor.decode(cursor),
                size(size));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String name, String value, int max) {
        if (blank(value)) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw Problems.badRequest(
                    "invalid-audit-filter", "Invalid filter", name + " is at most " + max + " characters long");
        }
        return trimmed;
    }

    private static AuditAction action(String value) {
        if (blank(value)) {
            return null;
        }
        AuditAction action = Enums.parse(AuditAction.class, value);
        if (action == null) {
            throw Problems.badRequest(
                    "invalid-audit-filter", "Invalid filter", "action " + shorten(value) + " is not a recorded action");
        }
        return action;
    }

    private static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(
                    "invalid-audit-filter",
                    "Invalid filter",
                    name + " must be an ISO-8601 instant such as 2026-01-02T03:04:05Z, was " + shorten(value));
        }
    }

    private static int size(String value) {
        if (blank(value)) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.badRequest(
                "invalid-page-size", "Invalid page size", "size must be a whole number from 1 to " + MAX_SIZE);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
