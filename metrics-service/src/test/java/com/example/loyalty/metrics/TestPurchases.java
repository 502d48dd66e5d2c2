package com.example.loyalty.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Purchases written straight into {@code member_purchase}, as the loyalty-transactions consumer keeps them, for tests
 * of the behavioural metrics. Each test class uses currencies no other test writes, so its counts are its own.
 */
public final class TestPurchases {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private TestPurchases() {}

    /** Noon in Tokyo on {@code day}. */
    public static Instant noon(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(TOKYO).toInstant();
    }

    /** {@code localDateTime} in Tokyo. */
    public static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    /** Inserts one purchase at store S001 (idempotent on its transaction id); {@code amount} in minor units. */
    public static void insert(
            DataSource ds, String transactionId, UUID member, String currency, Instant at, long amount) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into member_purchase (store_id, transaction_id, "
                        + "member_id, occurred_at, amount, currency, history) values ('S001', ?, ?, ?, ?, ?, false) "
                        + "on conflict (store_id, transaction_id) do nothing")) {
            ps.setString(1, transactionId);
            ps.setObject(2, member);
            ps.setObject(3, at.atOffset(ZoneOffset.UTC));
            ps.setLong(4, amount);
            ps.setString(5, currency);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
