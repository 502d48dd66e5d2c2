package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything points-service stores about members, as JSON straight from PostgreSQL ({@code to_jsonb} of each row: the
 * columns as stored, by their names), for a member's data export. The tables are found in the catalogue, not listed
 * here: every table of the service's schema with a {@code member_id} column, so a table added later (adjustments, card
 * designs, ...) is in the export without a change here. Besides those: the member rows themselves, the lot consumptions
 * of their ledger entries, and the audit entries whose target is one of them.
 */
@ApplicationScoped
public class MemberDataRepository {

    /** Tables with a member_id that hold no data of the member's own: the messaging module's plumbing. */
    private static final Set<String> NOT_MEMBER_DATA = Set.of("outbox_event", "processed_event");

    /** Columns that order a table's rows, the first one a table has. */
    private static final List<String> ORDER_COLUMNS =
            List.of("seq", "occurred_at", "earned_at", "awarded_at", "recorded_at", "created_at");

    private final EntityManager em;

    public MemberDataRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The rows of every table about the members {@code memberIds}, by table name, each a JSON array text (empty tables
     * as {@code []}); {@code member} first, then the others by name, then {@code lot_consumption} and
     * {@code audit_entry}.
     */
    public Map<String, String> export(Collection<UUID> memberIds) {
        UUID[] ids = memberIds.toArray(UUID[]::new);
        return SqlArrays.work(em, c -> {
            Map<String, String> tables = new LinkedHashMap<>();
            tables.put("member", rows(c, "member t", "t.id = any(?)", "t.enrolled_at", ids));
            for (Map.Entry<String, List<String>> table : memberTables(c).entrySet()) {
                String order = ORDER_COLUMNS.stream()
                        .filter(table.getValue()::contains)
                        .findFirst()
                        .map(col -> "t." + quote(col))
                        .orElse(null);
                tables.put(table.getKey(), rows(c, quote(table.getKey()) + " t", "t.member_id = any(?)", order, ids));
            }
            tables.put(
                    "lot_consumption",
                    rows(
                            c,
                            "lot_consumption t join ledger_entry e on e.id = t.entry_id",
                            "e.member_id = any(?)",
                            "e.seq",
                            ids));
            String[] targets = memberIds.stream().map(UUID::toString).toArray(String[]::new);
            tables.put(
                    "audit_entry",
                    rows(c, "audit_entry t", "t.target_type = 'MEMBER' and t.target_id = any(?)", "t.seq", targets));
            return tables;
        });
    }

    /** The service's tables with a member_id column (member excluded), with their columns, by name. */
    private static Map<String, List<String>> memberTables(Connection c) throws SQLException {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select k.table_name, k.column_name from "
                + "information_schema.columns k join information_schema.tables t on t.table_schema = k.table_schema "
                + "and t.table_name = k.table_name and t.table_type = 'BASE TABLE' "
                + "where k.table_schema = current_schema() and k.table_name in (select table_name from "
                + "information_schema.columns where table_schema = current_schema() and column_name = 'member_id') "
                + "order by k.table_name, k.ordinal_position")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!table.equals("member") && !NOT_MEMBER_DATA.contains(table)) {
                        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        return tables;
    }

    /**
     * The rows {@code t} of {@code from} where {@code where} holds (one array parameter, {@code values}), in the order of
     * {@code order} (null: any), as one JSON array text.
     */
    private static String rows(Connection c, String from, String where, String order, Object[] values)
            throws SQLException {
        String sql = "select coalesce(jsonb_agg(to_jsonb(t)" + (order == null ? "" : " order by " + order)
                + "), '[]'::jsonb)::text from " + from + " where " + where;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf(values instanceof UUID[] ? "uuid" : "varchar", values));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
