package com.example.loyalty.metrics.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * The calendar day of a purchase time in a zone, in SQL: {@code (column at time zone ?)::date}. A region zone
 * (Asia/Tokyo) is passed by name, PostgreSQL applying its own time zone rules; a fixed offset is passed as an interval
 * of seconds (east of UTC positive, unlike POSIX zone names such as {@code UTC+9}).
 */
final class PurchaseDays {

    private PurchaseDays() {}

    /** The SQL expression of {@code column}'s day in {@code zone}; takes one parameter, set by {@link #bind}. */
    static String dayOf(String column, ZoneId zone) {
        return zone.getRules().isFixedOffset()
                ? "(" + column + " at time zone make_interval(secs => ?))::date"
                : "(" + column + " at time zone ?)::date";
    }

    /** Sets the parameter of {@link #dayOf} at {@code index}. */
    static void bind(PreparedStatement ps, int index, ZoneId zone) throws SQLException {
        if (zone.getRules().isFixedOffset()) {
            ps.setDouble(
                    index, zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds());
        } else {
            ps.setString(index, zone.getId());
        }
    }
}
