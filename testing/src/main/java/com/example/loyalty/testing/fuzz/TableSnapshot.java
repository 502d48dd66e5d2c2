package com.example.loyalty.testing.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a service has written, in one query: the row count of every table of its schema (Flyway's history aside), and
 * further figures a service names (points-service: the sum of balances and of ledger points). Two equal snapshots
 * around a request mean it wrote nothing. {@link #writeMark} tells cheaply whether anything was written at all.
 */
public final class TableSnapshot {

    private final DataSource db;
    private final List<String> labels = new ArrayList<>();
    private final String sql;

    /**
     * @param figures label to a SQL expression of one value (e.g. {@code (select sum(balance) from member)})
     * @param ignored tables whose counts may change without a request (e.g. written by a scheduled job)
     */
    public TableSnapshot(DataSource db, Map<String, String> figures, Set<String> ignored) {
        this.db = db;
        List<String> columns = new ArrayList<>();
        for (String table : tables()) {
            if (!ignored.contains(table) && !table.startsWith("flyway_")) {
                labels.add(table);
                columns.add("(select count(*) from \"" + table + "\")");
            }
        }
        figures.forEach((label, expression) -> {
            labels.add(label);
            columns.add("(" + expression + ")");
        });
        this.sql = "select " + String.join(", ", columns);
    }

    /** The tables the snapshot counts, and the figures it adds. */
    public List<String> labels() {
        return List.copyOf(labels);
    }

    public Map<String, String> take() {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                values.put(labels.get(i), rs.getString(i + 1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first transaction id PostgreSQL has not handed out yet. It moves only when some transaction writes (a
     * read-only one gets no id), so while it stands still a full snapshot need not be taken again.
     */
    public long writeMark() {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What changed between two snapshots, as {@code table: before -> after}. */
    public static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((label, value) -> {
            if (!Objects.equals(value, after.get(label))) {
                changes.add(label + ": " + value + " -> " + after.get(label));
            }
        });
        return changes;
    }

    private List<String> tables() {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables in the current schema");
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
