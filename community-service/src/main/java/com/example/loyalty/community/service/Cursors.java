package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors: the order they belong to, an instant (microseconds, as stored) and an id, in URL-safe
 * base64. A cursor of another order, or one that does not decode, is a 400 problem.
 */
public final class Cursors {

    /** A decoded position. */
    public record Position(Instant at, UUID id) {}

    private Cursors() {}

    public static String encode(String order, Instant at, UUID id) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        long value = Math.addExact(Math.multiplyExact(micros.getEpochSecond(), 1_000_000L), micros.getNano() / 1000);
        String raw = "1|" + order + "|" + value + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code cursor}, or null for a null or empty cursor (the first page). */
    public static Position decode(String order, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(order)) {
                throw new IllegalArgumentException("not a cursor of this order");
            }
            long value = Long.parseLong(parts[2]);
            Instant at =
                    Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
            return new Position(at, UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw Problems.badRequest(
                    "bad-cursor",
                    "Bad cursor",
                    "the cursor is not one this list returned (pass nextCursor unchanged, with the same sort)");
        }
    }
}
