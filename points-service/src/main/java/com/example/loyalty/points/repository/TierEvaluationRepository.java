package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of tier evaluations (docs/tiers.md): the {@code tier_evaluation} rows, and the set-based statements on a
 * batch of members. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class TierEvaluationRepository {

    /** Live members: neither merged into another nor erased. */
    static final String LIVE = "m.merged_into is null and m.erased_at is null";

    private final EntityManager em;

    public TierEvaluationRepository(EntityManager em) {
        this.em = em;
    }

    /** An evaluation as its row has it. */
    public record Row(
            UUID id,
            String trigger,
            String status,
            long ladderVersion,
            long membersTotal,
            long membersDone,
            long upgraded,
            long downgraded,
            UUID cursor,
            Instant startedAt,
            String startedBy,
            Instant heartbeatAt,
            Instant finishedAt,
            String error) {}

    private static final String COLUMNS = "id, trigger, status, ladder_version, members_total, members_done, upgraded, "
            + "downgraded, cursor_id, started_at, started_by, heartbeat_at, finished_at, error";

    public void insert(UUID id, String trigger, long ladderVersion, long total, String by, Instant now) {
        update(
                "insert into tier_evaluation (id, trigger, status, ladder_version, members_total, started_at, "
                        + "started_by, heartbeat_at) values (?, ?, 'RUNNING', ?, ?, ?, ?, ?)",
                id,
                trigger,
                ladderVersion,
                total,
                ts(now),
                by,
                ts(now));
    }

    /** Marks every running evaluation superseded (a newer one starts); how many. */
    public int supersedeRunning(Instant now) {
        return update(
                "update tier_evaluation set status = 'SUPERSEDED', finished_at = ? where status = 'RUNNING'", ts(now));
    }

    public long countLiveMembers() {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from member m where " + LIVE);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<Row> find(UUID id) {
        return rows("select " + COLUMNS + " from tier_evaluation where id = ?", id).stream()
                .findFirst();
    }

    /** The evaluation row, locked (so its batches and a supersede serialise). */
    public Optional<Row> lock(UUID id) {
        return rows("select " + COLUMNS + " from tier_evaluation where id = ? for update", id).stream()
                .findFirst();
    }

    /** The running evaluation, if any (the newest). */
    public Optional<Row> running() {
        return rows("select " + COLUMNS + " from tier_evaluation where status = 'RUNNING' order by started_at desc "
                        + "limit 1")
                .stream()
                .findFirst();
    }

    /** Running evaluations whose last batch was before {@code before}: nobody works on them. */
    public List<UUID> abandoned(Instant before) {
        return rows(
                        "select " + COLUMNS + " from tier_evaluation where status = 'RUNNING' and heartbeat_at < ?",
                        ts(before))
                .stream()
                .map(Row::id)
                .toList();
    }

    /** Takes an abandoned evaluation over (unless another instance just did); true when taken. */
    public boolean claim(UUID id, Instant before, Instant now) {
        return update(
                        "update tier_evaluation set heartbeat_at = ? where id = ? and status = 'RUNNING' "
                                + "and heartbeat_at < ?",
                        ts(now),
                        id,
                        ts(before))
                == 1;
    }

    /** After a batch: the cursor and the counts move in the batch's own transaction. */
    public void advance(UUID id, UUID cursor, int done, int upgraded, int downgraded, Instant now) {
        update(
                "update tier_evaluation set cursor_id = ?, members_done = members_done + ?, upgraded = upgraded + ?, "
                        + "downgraded = downgraded + ?, heartbeat_at = ? where id = ?",
                cursor,
                done,
                upgraded,
                downgraded,
                ts(now),
                id);
    }

    public void finish(UUID id, String status, String error, Instant now) {
        update(
                "update tier_evaluation set status = ?, error = ?, finished_at = ?, heartbeat_at = ?, "
                        + "members_total = greatest(members_total, members_done) where id = ? and status = 'RUNNING'",
                status,
                error == null || error.length() <= 500 ? error : error.substring(0, 500),
                ts(now),
                ts(now),
                id);
    }

    /**
     * Locks the next {@code limit} live members after {@code after} (null: from the first), in id order (so two
     * batches, or a batch and a merge, never wait on each other in a circle), and returns their ids.
     */
    public List<UUID> lockBatch(UUID after, int limit) {
        return work(c -> {
            // two statements rather than "? is null or id > ?", which no index serves
            try (PreparedStatement ps = c.prepareStatement("select m.id from member m where " + LIVE
                    + (after == null ? "" : " and m.id > ?") + " order by m.id limit ? for update of m")) {
                int i = 1;
                if (after != null) {
                    ps.setObject(i++, after);
                }
                ps.setInt(i, limit);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * The qualification period, as the statements need it: purchases count after {@code since}; the running figures
     * are right for {@code months} and {@code basis} until {@code spend_expires_at}; a purchase stops counting
     * {@code months} months after it (rolling, UTC) or at {@code yearEnd} (calendar and fiscal years).
     */
    public record Window(Instant since, int months, String basis, boolean rolling, Instant yearEnd) {}

    /** SQL: the running figures on the member row {@code m} are right at {@code ?} (now), for {@code ?} months, basis. */
    static final String VALID = "(m.window_months = ? and m.window_basis is not distinct from ? "
            + "and (m.spend_expires_at is null or ? < m.spend_expires_at))";

    /** SQL: the purchases {@code p} that count after {@code ?} (since). */
    static final String COUNTS = "p.occurred_at > ? and p.history = false and p.returned_amount < p.amount";

    /**
     * Recomputes, from their purchases, the running figures of the (locked) members {@code ids} whose figures are not
     * right at {@code now} for {@code w}: one statement, as RollingSpend does it for one member.
     */
    public int refreshFigures(List<UUID> ids, Window w, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member m set window_spend = s.spend, "
                    + "window_purchases = s.purchases, window_points = s.points, window_months = ?, window_basis = ?, "
                    + "spend_expires_at = case when s.oldest is null then null when ? then "
                    + "(s.oldest at time zone 'UTC' + make_interval(months => ?)) at time zone 'UTC' else ? end "
                    + "from (select b.id, coalesce(sum(p.amount - p.returned_amount), 0) as spend, "
                    + "count(p.id) as purchases, coalesce(sum(p.points - p.points_reversed), 0) as points, "
                    + "min(p.occurred_at) as oldest from unnest(?::uuid[]) as b(id) "
                    + "left join purchase p on p.member_id = b.id and " + COUNTS + " group by b.id) s "
                    + "where m.id = s.id and not " + VALID)) {
                int i = 1;
                ps.setInt(i++, w.months());
                ps.setString(i++, w.basis());
                ps.setBoolean(i++, w.rolling());
                ps.setInt(i++, w.months());
                ps.setTimestamp(i++, ts(w.yearEnd()));
                SqlArrays.bind(ps, i++, c, "uuid", ids);
                ps.setTimestamp(i++, ts(w.since()));
                ps.setInt(i++, w.months());
                ps.setString(i++, w.basis());
                ps.setTimestamp(i++, ts(now));
                return ps.executeUpdate();
            }
        });
    }

    /** What an evaluation reads of a member. */
    public record MemberFigures(
            UUID id, String tier, long spend, long purchases, long points, Instant belowSince, Instant overrideUntil) {}

    public List<MemberFigures> figures(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("select m.id, m.tier_code, m.window_spend, "
                    + "m.window_purchases, m.window_points, m.tier_below_since, m.tier_override_until from member m "
                    + "where m.id = any(?::uuid[]) order by m.id")) {
                SqlArrays.bind(ps, 1, c, "uuid", ids);
                List<MemberFigures> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new MemberFigures(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                instant(rs.getTimestamp(6)),
                                instant(rs.getTimestamp(7))));
                    }
                }
                return list;
            }
        });
    }

    /** A member's new tier and mark. */
    public record Change(UUID id, String tier, Instant belowSince, boolean tierChanged) {}

    /** Writes the changes in one statement; a changed tier bumps the row's version (JPA's optimistic lock). */
    public int apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        List<String> tiers = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        for (Change ch : changes) {
            ids.add(ch.id());
            tiers.add(ch.tier());
            marks.add(ch.belowSince() == null ? null : ch.belowSince().toString());
            changed.add(ch.tierChanged());
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member m set tier_code = u.tier, "
                    + "tier_below_since = u.mark, version = m.version + case when u.changed then 1 else 0 end "
                    + "from unnest(?::uuid[], ?::varchar[], ?::timestamptz[], ?::bool[]) as u(id, tier, mark, changed) "
                    + "where m.id = u.id")) {
                SqlArrays.bind(ps, 1, c, "uuid", ids);
                SqlArrays.bind(ps, 2, c, "varchar", tiers);
                SqlArrays.bind(ps, 3, c, "text", marks);
                SqlArrays.bind(ps, 4, c, "bool", changed);
                return ps.executeUpdate();
            }
        });
    }

    // ---- preview ----

    /** A draft tier for the preview: its rank and thresholds (0: not required). */
    public record DraftTier(int rank, long spend, long purchases, long points, boolean all) {}

    /** One group of the preview: members of current tier {@code current} landing at draft rank {@code rank}. */
    public record PreviewGroup(int landRank, String current, long members, long spend) {}

    /**
     * Groups every live member by the draft rank they would land at (-1: held by an active override) and their
     * current tier, with their spend in the draft's period: one statement; the running figures where they are right
     * for the draft's period, else summed from the purchases. Writes nothing.
     */
    public List<PreviewGroup> preview(List<DraftTier> draft, Window w, Instant now) {
        StringBuilder land =
                new StringBuilder("case when f.override_until is not null and f.override_until > ? " + "then -1");
        List<Object> landParams = new ArrayList<>();
        landParams.add(ts(now));
        for (int k = draft.size() - 1; k >= 1; k--) {
            DraftTier t = draft.get(k);
            List<String> conds = new ArrayList<>();
            if (t.spend() > 0) {
                conds.add("f.spend >= ?");
                landParams.add(t.spend());
            }
            if (t.purchases() > 0) {
                conds.add("f.purchases >= ?");
                landParams.add(t.purchases());
            }
            if (t.points() > 0) {
                conds.add("f.points >= ?");
                landParams.add(t.points());
            }
            if (conds.isEmpty()) {
                land.append(" when true then ").append(t.rank());
            } else {
                land.append(" when (")
                        .append(String.join(t.all() ? " and " : " or ", conds))
                        .append(") then ")
                        .append(t.rank());
            }
        }
        land.append(" else 0 end");
        String sql = "with f as ("
                + "select m.tier_code, m.tier_override_until as override_until, m.window_spend as spend, "
                + "m.window_purchases as purchases, m.window_points as points from member m where " + LIVE + " and "
                + VALID
                + " union all "
                + "select m.tier_code, m.tier_override_until, coalesce(sum(p.amount - p.returned_amount), 0), "
                + "count(p.id), coalesce(sum(p.points - p.points_reversed), 0) from member m "
                + "left join purchase p on p.member_id = m.id and " + COUNTS + " where " + LIVE + " and not " + VALID
                + " group by m.id) "
                + "select " + land + " as land, f.tier_code, count(*), coalesce(sum(f.spend), 0) from f group by 1, 2";
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                // first part: valid
                ps.setInt(i++, w.months());
                ps.setString(i++, w.basis());
                ps.setTimestamp(i++, ts(now));
                // second part
                ps.setTimestamp(i++, ts(w.since()));
                ps.setInt(i++, w.months());
                ps.setString(i++, w.basis());
                ps.setTimestamp(i++, ts(now));
                // the select's land expression comes after the CTE in the text
                for (Object p : landParams) {
                    if (p instanceof Timestamp t) {
                        ps.setTimestamp(i++, t);
                    } else {
                        ps.setLong(i++, (Long) p);
                    }
                }
                List<PreviewGroup> groups = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new PreviewGroup(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
                return groups;
            }
        });
    }

    // ---- helpers ----

    private List<Row> rows(String sql, Object... params) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                List<Row> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Row(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getObject(9, UUID.class),
                                instant(rs.getTimestamp(10)),
                                rs.getString(11),
                                instant(rs.getTimestamp(12)),
                                instant(rs.getTimestamp(13)),
                                rs.getString(14)));
                    }
                }
                return list;
            }
        });
    }

    private int update(String sql, Object... params) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> w) {
        return SqlArrays.work(em, w);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
