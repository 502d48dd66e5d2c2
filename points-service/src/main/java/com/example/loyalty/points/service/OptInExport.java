package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.repository.MemberRepository;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Marketers' export of the members who opted in to a channel, optionally of one tier and one RFM segment
 * ({@code member_segment}), as CSV streamed from a server-side cursor: never more than one fetch of rows in memory,
 * however many members. Erased and merged-away members never appear. Every export is recorded in the audit log
 * (OPT_INS_EXPORTED: who, the filters, how many members) before a row leaves; cells a spreadsheet would read as a
 * formula are escaped as OWASP advises (see {@link #cell}).
 */
@ApplicationScoped
public class OptInExport {

    /** Rows per round trip of the cursor. */
    static final int FETCH_SIZE = 1_000;

    public static final List<String> COLUMNS = List.of(
            "memberId",
            "cardCode",
            "displayName",
            "email",
            "emailVerified",
            "phone",
            "phoneVerified",
            "tier",
            "segment",
            "channel",
            "consentedAt",
            "source");

    private static final CsvMapper CSV = new CsvMapper();

    /** What to export: the channel, and a tier and a segment when not null. */
    public record Filter(OptIns.Channel channel, String tier, String segment) {}

    /** What the audit log keeps of an export: the filters and the count, never the data. */
    record Exported(String channel, String tier, String segment, long members) {}

    private final MemberRepository members;
    private final AgroalDataSource dataSource;
    private final AuditLog audit;

    public OptInExport(MemberRepository members, AgroalDataSource dataSource, AuditLog audit) {
        this.members = members;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Counts the members of the export and records it in the audit log; returns the count. */
    @Transactional
    public long record(Filter filter, String actor) {
        Query q = query(filter, true);
        long count = members.getEntityManager()
                .unwrap(org.hibernate.Session.class)
                .doReturningWork(c -> {
                    try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                        for (int i = 0; i < q.params().size(); i++) {
                            ps.setObject(i + 1, q.params().get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
        audit.record(
                actor,
                AuditAction.OPT_INS_EXPORTED,
                AuditTarget.OPT_INS,
                AuditTarget.OPT_INS_EXPORT,
                null,
                new Exported(filter.channel().name(), filter.tier(), filter.segment(), count),
                null);
        return count;
    }

    /**
     * Writes the export to {@code out}: a header line, then one line per member in member-id order, from a cursor on
     * a connection of its own (read only, outside any transaction of the caller).
     */
    public void write(Filter filter, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Query q = query(filter, false);
        try (SequenceWriter rows = CSV.writer(schema.build())
                        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValues(w);
                Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PgJDBC only uses a cursor inside a transaction
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < q.params().size(); i++) {
                    ps.setObject(i + 1, q.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String channel = filter.channel().name();
                    while (rs.next()) {
                        OffsetDateTime at = rs.getObject(10, OffsetDateTime.class);
                        rows.write(new String[] {
                            rs.getString(1),
                            cell(rs.getString(2)),
                            cell(rs.getString(3)),
                            cell(rs.getString(4)),
                            String.valueOf(rs.getBoolean(5)),
                            cell(rs.getString(6)),
                            String.valueOf(rs.getBoolean(7)),
                            cell(rs.getString(8)),
                            cell(rs.getString(9)),
                            channel,
                            at == null ? "" : at.toInstant().toString(),
                            cell(rs.getString(11))
                        });
                    }
                }
            } finally {
                c.rollback(); // read only
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("opt-in export failed: " + e.getMessage(), e);
        }
        w.flush();
    }

    /**
     * A value as a CSV cell a spreadsheet shows as text (OWASP, "CSV Injection"): a value starting with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote, so it is never run
     * as a formula (a phone number in international form, {@code +81 ...}, so reads {@code '+81 ...}); quotes,
     * separators and line breaks are quoted by the CSV writer. Null is the empty cell.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    private record Query(String sql, List<Object> params) {}

    private static Query query(Filter filter, boolean count) {
        String c = filter.channel().column;
        StringBuilder sql = new StringBuilder(
                count
                        ? "select count(*)"
                        : "select m.id, m.card_code, m.display_name, m.email, m.email_verified, m.phone, "
                                + "m.phone_verified, m.tier_code, s.segment, o." + c + "_at, o." + c + "_source");
        sql.append(" from member_opt_in o join member m on m.id = o.member_id")
                .append(" left join member_segment s on s.member_id = m.id")
                .append(" where o.")
                .append(c)
                .append(" and m.erased_at is null and m.merged_into is null");
        List<Object> params = new ArrayList<>();
        if (filter.tier() != null) {
            sql.append(" and upper(m.tier_code) = upper(?)");
            params.add(filter.tier());
        }
        if (filter.segment() != null) {
            sql.append(" and upper(s.segment) = upper(?)");
            params.add(filter.segment());
        }
        if (!count) {
            sql.append(" order by m.id");
        }
        return new Query(sql.toString(), params);
    }
}
