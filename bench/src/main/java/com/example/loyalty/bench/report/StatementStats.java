package com.example.loyalty.bench.report;

import com.example.loyalty.bench.load.ClosedLoop;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PostgreSQL's side of a profile: {@code pg_stat_statements} (loaded when the stack starts with
 * {@code StackConfig#withStatementStats}) is reset when a path's timed window starts, and when it ends the statements of
 * the given databases are printed by the time the server spent executing them, with their calls (statements run by
 * triggers and functions included, {@code pg_stat_statements.track = all}). Planning time is not tracked; the services'
 * prepared statements are planned once per connection.
 */
public final class StatementStats {

    private static final int QUERY_CHARS = 110;

    private record Row(String database, String query, long calls, double totalMs, double meanMs, long rows) {}

    private StatementStats() {}

    /**
     * A hook that resets the statistics when the window starts and prints the top {@code limit} statements of
     * {@code databases} when it ends. {@code jdbcUrl} is the URL of any database of the server (the statistics are
     * server-wide, filtered by database).
     */
    public static ClosedLoop.Window recording(String jdbcUrl, List<String> databases, String label, int limit) {
        try (Connection c = connect(jdbcUrl);
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "pg_stat_statements is not available (start the stack with statement stats): " + e.getMessage(), e);
        }
        return new ClosedLoop.Window() {
            @Override
            public void started() {
                try (Connection c = connect(jdbcUrl);
                        Statement s = c.createStatement()) {
                    s.execute("select pg_stat_statements_reset()");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void ended() {
                System.out.println(summary(jdbcUrl, databases, label, limit));
            }
        };
    }

    private static String summary(String jdbcUrl, List<String> databases, String label, int limit) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connect(jdbcUrl);
                PreparedStatement ps = c.prepareStatement("""
                        select d.datname, s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.rows
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        where d.datname = any(?)""")) {
            ps.setArray(1, c.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            return "statement stats " + label + ": " + e.getMessage();
        }
        double total = rows.stream().mapToDouble(Row::totalMs).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "== PostgreSQL statements, %s: %.0f ms executing in the window (top %d by time) ==%n",
                label, total, limit));
        out.append(String.format(
                "%6s %10s %9s %9s  %-10s %s%n", "share", "calls", "total ms", "mean ms", "database", "statement"));
        rows.stream()
                .sorted(Comparator.comparingDouble(Row::totalMs).reversed())
                .limit(limit)
                .forEach(r -> out.append(String.format(
                        "%5.1f%% %,10d %9.0f %9.3f  %-10s %s%n",
                        total == 0 ? 0 : 100 * r.totalMs() / total,
                        r.calls(),
                        r.totalMs(),
                        r.meanMs(),
                        r.database(),
                        oneLine(r.query()))));
        return out.toString();
    }

    private static String oneLine(String query) {
        String flat = query.replaceAll("\\s+", " ").trim();
        return flat.length() <= QUERY_CHARS ? flat : flat.substring(0, QUERY_CHARS - 1) + "…";
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
