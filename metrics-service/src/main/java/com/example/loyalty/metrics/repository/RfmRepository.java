package com.example.loyalty.metrics.repository;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.RfmWindow;
import com.example.loyalty.metrics.domain.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code member_rfm} and {@code rfm_run} tables: the recompute as one set-based statement over
 * {@code member_purchase}, and the reads of its result.
 */
@ApplicationScoped
public class RfmRepository {

    /** The last recompute of a currency. */
    public record Run(
            String currency, LocalDate asOf, int windowMonths, long members, long changed, Instant computedAt) {}

    /** What a recompute did: members scored, members whose segment changed (events written), rows removed. */
    public record Recomputed(long members, long changed, long removed) {}

    /** Count and means of one segment's members. */
    public record SegmentRow(
            Segment segment,
            long members,
            BigDecimal meanR,
            BigDecimal meanF,
            BigDecimal meanM,
            BigDecimal meanRecencyDays,
            BigDecimal meanFrequency,
            BigDecimal meanMonetary) {}

    /** One member's row. */
    public record MemberRow(
            UUID memberId, Segment segment, int r, int f, int m, int recencyDays, long frequency, long monetary) {}

    /** Receives the rows of an export one at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(MemberRow row) throws java.io.IOException;
    }

    /**
     * The recompute: one statement, all set-based, in the caller's transaction.
     * <ol>
     * <li>{@code purchases}: per member of the currency with a purchase up to the end of the as-of day, the last
     * purchase time and the count and sum of the purchases in the window (one pass over member_purchase).
     * <li>{@code ranked}: recency in calendar days of the zone; for each measure the number of members as good or
     * worse (a window count, peers included, so ties share it), the number of members and of members without a
     * purchase in the window.
     * <li>{@code scored}: ceil(5 k / n) in integers (see RfmScores); frequency and monetary among the members with a
     * purchase in the window only, 1 for the others.
     * <li>{@code upserted}: writes member_rfm, the segment looked up in Segment's 125-cell table; an existing row keeps
     * its former segment in previous_segment.
     * <li>{@code pruned}: removes the members of the currency that were not scored, having no purchase up to the as-of
     * day (any more): the as-of day moved back before their first, their purchases were all returned, or they were
     * merged into another member. Rows disjoint from the upserted ones, found by an anti-join on the upsert's result.
     * <li>{@code announced}: a SegmentChanged outbox row (the envelope of EventJson, built in SQL) for every member
     * whose segment differs from before, keyed by member id.
     * </ol>
     */
    static final NamedSql RECOMPUTE = new NamedSql("""
            with purchases as (
                select member_id,
                       max(occurred_at) as last_at,
                       count(*) filter (where occurred_at >= :window_start::timestamptz) as frequency,
                       coalesce(sum(amount) filter (where occurred_at >= :window_start::timestamptz), 0)::bigint as monetary
                from member_purchase
                where currency = :currency::char(3) and occurred_at < :end_at::timestamptz
                group by member_id
            ),
            ranked as (
                select member_id, recency_days, frequency, monetary,
                       count(*) over () as n,
                       count(*) filter (where frequency = 0) over () as idle,
                       count(*) over (order by recency_days desc) as r_at,
                       count(*) over (order by frequency) as f_at,
                       count(*) over (order by monetary) as m_at
                from (select member_id,
                             :as_of::date - (last_at at time zone :zone::text)::date as recency_days,
                             frequency, monetary
                      from purchases) measured
            ),
            scored as (
                select member_id, recency_days, frequency, monetary,
                       ((5 * r_at + n - 1) / n)::int as r,
                       case when frequency = 0 then 1
                            else ((5 * (f_at - idle) + (n - idle) - 1) / (n - idle))::int end as f,
                       case when frequency = 0 then 1
                            else ((5 * (m_at - idle) + (n - idle) - 1) / (n - idle))::int end as m
                from ranked
            ),
            upserted as (
                insert into member_rfm as t (member_id, currency, as_of, recency_days, frequency, monetary, r, f, m,
                                             segment, previous_segment, computed_at)
                select member_id, :currency::char(3), :as_of::date, recency_days, frequency, monetary, r, f, m,
                       (:segments::text[])[(r - 1) * 25 + (f - 1) * 5 + m], null, :computed_at::timestamptz
                from scored
                on conflict (member_id, currency) do update set
                    as_of = excluded.as_of,
                    recency_days = excluded.recency_days,
                    frequency = excluded.frequency,
                    monetary = excluded.monetary,
                    r = excluded.r,
                    f = excluded.f,
                    m = excluded.m,
                    segment = excluded.segment,
                    previous_segment = t.segment,
                    computed_at = excluded.computed_at
                returning t.member_id, t.segment, t.previous_segment, t.r, t.f, t.m
            ),
            pruned as (
                delete from member_rfm d
                where d.currency = :currency::char(3)
                  and not exists (select 1 from upserted u where u.member_id = d.member_id)
                returning 1
            ),
            changed as materialized (
                select gen_random_uuid() as id, member_id, segment, previous_segment, r, f, m
                from upserted
                where previous_segment is distinct from segment
            ),
            announced as (
                insert into outbox_event (id, topic, message_key, event_type, payload, created_at)
                select id, :topic::text, member_id::text, :event_type::text,
                       json_build_object(
                           'eventId', id,
                           'type', :event_type::text,
                           'schemaVersion', :schema_version::int,
                           'occurredAt', :occurred_at::text,
                           'memberId', member_id::text,
                           'payload', json_build_object(
                               'currency', :currency::char(3),
                               'asOf', :as_of_text::text,
                               'previousSegment', previous_segment,
                               'segment', segment,
                               'quadrant', null::text,
                               'recencyScore', r,
                               'frequencyScore', f,
                               'monetaryScore', m))::text,
                       :computed_at::timestamptz
                from changed
                returning 1
            )
            select (select count(*) from upserted), (select count(*) from announced), (select count(*) from pruned)
            """);

    private static final String MEMBER_COLUMNS =
            "member_id, segment, r, f, m, recency_days, frequency, monetary from member_rfm where currency = ?";

    private final EntityManager em;
    private final DataSource dataSource;

    /**
     * Memory for each sort and hash of the recompute statement ({@code metrics.behaviour.rfm-recompute-work-mem}). At a
     * million members the aggregate of their purchases needs some 200MB and each of the three sorts some 60MB.
     */
    private final String workMem;

    public RfmRepository(EntityManager em, DataSource dataSource, MetricsConfig config) {
        this.em = em;
        this.dataSource = dataSource;
        this.workMem = config.behaviour().rfmRecomputeWorkMem();
    }

    /** Waits until no other transaction recomputes {@code currency}; held until this transaction ends. */
    public void lock(String currency) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select pg_advisory_xact_lock(hashtext('member_rfm:' || ?))")) {
                ps.setString(1, currency);
                ps.execute();
                return null;
            }
        });
    }

    /**
     * Recomputes every member of {@code currency} as of the window's day and announces the segment changes, in the
     * caller's transaction (see {@link #RECOMPUTE}); members without a purchase up to the as-of day leave the table.
     */
    public Recomputed recompute(String currency, RfmWindow window, Instant computedAt) {
        return Jdbc.work(em, c -> {
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("currency", currency);
            values.put("window_start", utc(window.start()));
            values.put("end_at", utc(window.end()));
            values.put("as_of", window.asOf());
            values.put("as_of_text", window.asOf().toString());
            values.put("zone", window.postgresZone());
            values.put("segments", c.createArrayOf("text", Segment.lookupTable()));
            values.put("computed_at", utc(computedAt));
            values.put("topic", Topics.LOYALTY_INSIGHTS);
            values.put("event_type", EventTypes.SEGMENT_CHANGED);
            values.put("schema_version", SegmentChanged.SCHEMA_VERSION);
            values.put("occurred_at", computedAt.toString());
            // room for the aggregate and the sorts; back to the server's value at commit
            try (PreparedStatement s = c.prepareStatement("select set_config('work_mem', ?, true)")) {
                s.setString(1, workMem);
                s.execute();
            }
            try (PreparedStatement ps = RECOMPUTE.prepare(c, values);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Recomputed(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }

    /** The last recompute of {@code currency}, if any. */
    public Optional<Run> run(String currency) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select currency, as_of, window_months, members, changed, "
                    + "computed_at from rfm_run where currency = ?")) {
                ps.setString(1, currency);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Run(
                            rs.getString(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getInt(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
        });
    }

    /** Records {@code run} as the last recompute of its currency. */
    public void saveRun(Run run) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into rfm_run (currency, as_of, window_months, members, changed, computed_at) "
                            + "values (?, ?, ?, ?, ?, ?) on conflict (currency) do update set as_of = excluded.as_of, "
                            + "window_months = excluded.window_months, members = excluded.members, "
                            + "changed = excluded.changed, computed_at = excluded.computed_at")) {
                ps.setString(1, run.currency());
                ps.setObject(2, run.asOf());
                ps.setInt(3, run.windowMonths());
                ps.setLong(4, run.members());
                ps.setLong(5, run.changed());
                ps.setObject(6, utc(run.computedAt()));
                return ps.executeUpdate();
            }
        });
    }

    /** Every currency recomputed at least once. */
    public List<String> currencies() {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select currency from rfm_run order by currency");
                    ResultSet rs = ps.executeQuery()) {
                List<String> currencies = new ArrayList<>();
                while (rs.next()) {
                    currencies.add(rs.getString(1));
                }
                return currencies;
            }
        });
    }

    /** Count and means per segment of {@code currency} (segments without members are left out). */
    public List<SegmentRow> segments(String currency) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select segment, count(*), avg(r), avg(f), avg(m), avg(recency_days), avg(frequency), "
                            + "avg(monetary) from member_rfm where currency = ? group by segment")) {
                ps.setString(1, currency);
                try (ResultSet rs = ps.executeQuery()) {
                    List<SegmentRow> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new SegmentRow(
                                Segment.valueOf(rs.getString(1)),
                                rs.getLong(2),
                                rs.getBigDecimal(3),
                                rs.getBigDecimal(4),
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                rs.getBigDecimal(8)));
                    }
                    return rows;
                }
            }
        });
    }

    /** Members of {@code currency} (of {@code segment} unless null) in member-id order, {@code limit} from {@code offset}. */
    /** The member's row of the last recompute of {@code currency}, if the member was scored. */
    public Optional<MemberRow> member(String currency, UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select member_id, segment, r, f, m, recency_days, frequency, monetary from member_rfm "
                            + "where currency = ? and member_id = ?")) {
                ps.setString(1, currency);
                ps.setObject(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new MemberRow(
                                    rs.getObject(1, UUID.class),
                                    Segment.valueOf(rs.getString(2)),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getLong(7),
                                    rs.getLong(8)))
                            : Optional.empty();
                }
            }
        });
    }

    public List<MemberRow> members(String currency, Segment segment, long offset, int limit) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + MEMBER_COLUMNS
                    + (segment == null ? "" : " and segment = ?") + " order by member_id limit ? offset ?")) {
                int i = bind(ps, currency, segment);
                ps.setInt(i++, limit);
                ps.setLong(i, offset);
                List<MemberRow> rows = new ArrayList<>(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** How many members of {@code currency} (of {@code segment} unless null) there are. */
    public long count(String currency, Segment segment) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from member_rfm where currency = ?"
                    + (segment == null ? "" : " and segment = ?"))) {
                bind(ps, currency, segment);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Hands every member of {@code currency} (of {@code segment} unless null), in member-id order, to {@code sink},
     * through a server-side cursor ({@code fetchSize} rows a round trip) on a connection of its own outside any
     * transaction of the caller: never more than one fetch in memory, however many members there are.
     */
    public void export(String currency, Segment segment, int fetchSize, RowSink sink)
            throws SQLException, java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PgJDBC only uses a cursor inside a transaction
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + MEMBER_COLUMNS + (segment == null ? "" : " and segment = ?") + " order by member_id")) {
                ps.setFetchSize(fetchSize);
                bind(ps, currency, segment);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            } finally {
                c.rollback(); // read only
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static int bind(PreparedStatement ps, String currency, Segment segment) throws SQLException {
        int i = 1;
        ps.setString(i++, currency);
        if (segment != null) {
            ps.setString(i++, segment.name());
        }
        return i;
    }

    private static MemberRow row(ResultSet rs) throws SQLException {
        return new MemberRow(
                rs.getObject(1, UUID.class),
                Segment.valueOf(rs.getString(2)),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getLong(7),
                rs.getLong(8));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Removes the member's scores in every currency (a member merged into another: the survivor is scored with their
     * purchases from the next recompute on).
     */
    public int forget(UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from member_rfm where member_id = ?")) {
                ps.setObject(1, memberId);
                return ps.executeUpdate();
            }
        });
    }
}
