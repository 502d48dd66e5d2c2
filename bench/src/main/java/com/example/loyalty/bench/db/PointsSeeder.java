package com.example.loyalty.bench.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bench members straight into points-service's database, server-side ({@code generate_series}, no row crosses the
 * wire): member {@code i} has subject {@code bench-member-i}, card {@code 88} + {@code i} in 14 digits (the services
 * look cards up without checking the Luhn digit of enrolled ones, so bench cards need none), a balance of 1,000,000
 * points and the one ledger entry that explains it, so the balance equals the ledger sum as for every member.
 */
public final class PointsSeeder {

    public static final long SEED_POINTS = 1_000_000;
    private static final int CHUNK = 100_000;

    private final String url;

    public PointsSeeder(String jdbcUrl) {
        this.url = jdbcUrl;
    }

    /** Card code of bench member {@code i} (1-based). */
    public static String card(long i) {
        String digits = Long.toString(i);
        return "88" + "0".repeat(14 - digits.length()) + digits;
    }

    /** Bench members there are now. */
    public long count() {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from member where subject like 'bench-member-%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds bench members until there are {@code total}; returns the seconds it took. */
    public double seedUpTo(long total) {
        long have = count();
        long t0 = System.nanoTime();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            for (long from = have + 1; from <= total; from += CHUNK) {
                long to = Math.min(total, from + CHUNK - 1);
                try (PreparedStatement ps = c.prepareStatement("""
                        with m as (
                            insert into member (id, subject, card_code, display_name, email, phone, tier_code, balance,
                                                enrolled_at, version, window_spend, window_months)
                            select gen_random_uuid(), 'bench-member-' || i, '88' || lpad(i::text, 14, '0'),
                                   'Bench Member ' || i, 'bench' || i || '@bench.example.com',
                                   '+8190' || lpad(i::text, 8, '0'), 'REGULAR', ?, now() - interval '400 days', 0, 0,
                                   (select window_months from tier_ladder)
                            from generate_series(?::bigint, ?::bigint) as i
                            returning id),
                        e as (
                            insert into ledger_entry (id, member_id, kind, points, balance_after, reference_type,
                                                      reference_id, reason, created_at)
                            select gen_random_uuid(), m.id, 'ADJUST', ?, ?, 'BENCH', 'seed', 'benchmark seed', now()
                            from m
                            returning id, member_id, points, created_at)
                        -- the seed's lot: every balance is the sum of its lots (docs/points-accounting.md)
                        insert into point_lot (id, member_id, entry_id, points, remaining, earned_at, available_at,
                                               expires_at)
                        select gen_random_uuid(), e.member_id, e.id, e.points, e.points, e.created_at, e.created_at,
                               null
                        from e""")) {
                    ps.setLong(1, SEED_POINTS);
                    ps.setLong(2, from);
                    ps.setLong(3, to);
                    ps.setLong(4, SEED_POINTS);
                    ps.setLong(5, SEED_POINTS);
                    ps.executeUpdate();
                }
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze member");
                s.execute("analyze ledger_entry");
                s.execute("analyze point_lot");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding members failed", e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
