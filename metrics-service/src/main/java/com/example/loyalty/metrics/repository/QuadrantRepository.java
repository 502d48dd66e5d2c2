package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.Quadrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The loyalty quadrant of every member, computed when asked from what they say ({@code member_attitude}: the latest
 * NPS or continued-use score) and what they do ({@code member_rfm}: the latest RFM scores in one currency), so an
 * answer that arrived a second ago already counts. The members are those with either: a member with an answer but no
 * scored purchase is behaviourally low; one with scored purchases but no answer is {@link Quadrant#UNKNOWN}.
 */
@ApplicationScoped
public class QuadrantRepository {

    /** The rules of one query: the currency of the RFM scores, the R+F+M sum from which behaviour is high, passives. */
    public record Rules(String currency, int behaviouralHighFrom, boolean passiveIsHigh) {}

    /** One member's place. */
    public record MemberQuadrant(
            UUID memberId,
            Quadrant quadrant,
            String attitudeType,
            Integer attitudeScore,
            Instant answeredAt,
            Integer recencyScore,
            Integer frequencyScore,
            Integer monetaryScore,
            String segment) {}

    // att_high: true / false / null (no answer); beh_high: true / false. Attitude as Quadrant.attitudinalHigh.
    private static final String PLACED = "with placed as (select coalesce(b.member_id, a.member_id) as member_id, "
            + "case when a.member_id is null then null else (a.score >= 9 or (a.score >= 7 and ?)) end as att_high, "
            + "coalesce(b.r + b.f + b.m >= ?, false) as beh_high, a.question_type, a.score, a.answered_at, "
            + "b.r, b.f, b.m, b.segment "
            + "from (select member_id, r, f, m, segment from member_rfm where currency = ?) b "
            + "full outer join member_attitude a on a.member_id = b.member_id) ";

    private final EntityManager em;

    public QuadrantRepository(EntityManager em) {
        this.em = em;
    }

    /** Members per quadrant (every quadrant present, 0 where empty). */
    public Map<Quadrant, Long> counts(Rules rules) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    PLACED + "select att_high, beh_high, count(*) from placed group by att_high, beh_high")) {
                bind(ps, rules);
                Map<Quadrant, Long> counts = new EnumMap<>(Quadrant.class);
                for (Quadrant q : Quadrant.values()) {
                    counts.put(q, 0L);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Boolean att = (Boolean) rs.getObject(1);
                        counts.merge(Quadrant.of(att, rs.getBoolean(2)), rs.getLong(3), Long::sum);
                    }
                }
                return counts;
            }
        });
    }

    /** One page of the quadrant's members, by member id. */
    public List<MemberQuadrant> page(Rules rules, Quadrant quadrant, int page, int size) {
        List<MemberQuadrant> out = new ArrayList<>(size);
        each(rules, quadrant, (long) page * size, size, 0, out::add);
        return out;
    }

    /**
     * Every member of the quadrant, by member id, handed to {@code sink} as the rows arrive (a cursor of
     * {@code fetchSize} rows at a time, never the whole list in memory); call inside a transaction.
     */
    public void stream(Rules rules, Quadrant quadrant, int fetchSize, Consumer<MemberQuadrant> sink) {
        each(rules, quadrant, 0, -1, fetchSize, sink);
    }

    /**
     * The member's place (UNKNOWN with no scores if the member has neither an answer nor RFM scores): two primary-key
     * look-ups, the rules applied here as in the set-based queries ({@link Quadrant#attitudinalHigh}).
     */
    public MemberQuadrant of(Rules rules, UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select a.question_type, a.score, a.answered_at, "
                    + "b.r, b.f, b.m, b.segment from (select 1) as one "
                    + "left join member_attitude a on a.member_id = ? "
                    + "left join member_rfm b on b.member_id = ? and b.currency = ?")) {
                ps.setObject(1, memberId);
                ps.setObject(2, memberId);
                ps.setString(3, rules.currency());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Integer score = (Integer) rs.getObject("score");
                    Integer r = (Integer) rs.getObject("r");
                    Integer f = (Integer) rs.getObject("f");
                    Integer m = (Integer) rs.getObject("m");
                    Boolean attitude = score == null ? null : Quadrant.attitudinalHigh(score, rules.passiveIsHigh());
                    boolean behaviour = r != null && r + f + m >= rules.behaviouralHighFrom();
                    Timestamp answeredAt = rs.getTimestamp("answered_at");
                    return new MemberQuadrant(
                            memberId,
                            Quadrant.of(attitude, behaviour),
                            rs.getString("question_type"),
                            score,
                            answeredAt == null ? null : answeredAt.toInstant(),
                            r,
                            f,
                            m,
                            rs.getString("segment"));
                }
            }
        });
    }

    private void each(
            Rules rules, Quadrant quadrant, long offset, int limit, int fetchSize, Consumer<MemberQuadrant> sink) {
        String where = quadrant == Quadrant.UNKNOWN ? "att_high is null" : "att_high = ? and beh_high = ?";
        String sql = PLACED + "select * from placed where " + where + " order by member_id"
                + (limit >= 0 ? " limit " + limit + " offset " + offset : "");
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, rules);
                if (quadrant != Quadrant.UNKNOWN) {
                    boolean att = quadrant == Quadrant.KEEP_AND_REWARD || quadrant == Quadrant.LATENT_FAN;
                    boolean beh = quadrant == Quadrant.KEEP_AND_REWARD || quadrant == Quadrant.TEMPORARY_FAN;
                    ps.setBoolean(4, att);
                    ps.setBoolean(5, beh);
                }
                if (fetchSize > 0) {
                    ps.setFetchSize(fetchSize);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
                return null;
            }
        });
    }

    private static void bind(PreparedStatement ps, Rules rules) throws SQLException {
        ps.setBoolean(1, rules.passiveIsHigh());
        ps.setInt(2, rules.behaviouralHighFrom());
        ps.setString(3, rules.currency());
    }

    private static MemberQuadrant row(ResultSet rs) throws SQLException {
        Boolean att = (Boolean) rs.getObject("att_high");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new MemberQuadrant(
                rs.getObject("member_id", UUID.class),
                Quadrant.of(att, rs.getBoolean("beh_high")),
                rs.getString("question_type"),
                (Integer) rs.getObject("score"),
                answeredAt == null ? null : answeredAt.toInstant(),
                (Integer) rs.getObject("r"),
                (Integer) rs.getObject("f"),
                (Integer) rs.getObject("m"),
                rs.getString("segment"));
    }
}
