package com.example.loyalty.points;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain SQL on points-service's database, for tests that check the rows behind an answer. */
public final class PointsDb {

    private final AgroalDataSource db;

    public PointsDb(AgroalDataSource db) {
        this.db = db;
    }

    /** The first column of every row, as text (null for NULL). */
    public List<String> strings(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the one row. */
    public String string(String sql, Object... params) {
        List<String> values = strings(sql, params);
        if (values.size() != 1) {
            throw new IllegalStateException(values.size() + " rows for " + sql);
        }
        return values.get(0);
    }

    public long number(String sql, Object... params) {
        return Long.parseLong(string(sql, params));
    }

    public int update(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A member's balance, and the sum of their own ledger entries (which must be equal). */
    public long balance(String memberId) {
        return number("select balance from member where id = ?", UUID.fromString(memberId));
    }

    public long ledgerSum(String memberId) {
        return number(
                "select coalesce(sum(points), 0) from ledger_entry where member_id = ?", UUID.fromString(memberId));
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
