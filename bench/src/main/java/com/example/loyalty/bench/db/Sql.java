package com.example.loyalty.bench.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-off statements on the stack's PostgreSQL as its superuser, outside any service. */
public final class Sql {

    private Sql() {}

    /** The first column of the first row of {@code sql} (a count, a sum) on the database at {@code url}. */
    public static long scalar(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
