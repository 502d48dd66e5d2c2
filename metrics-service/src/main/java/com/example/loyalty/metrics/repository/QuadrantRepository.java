package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.Attitude;
import com.example.loyalty.metrics.domain.Quadrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The loyalty quadrant of every member, computed when asked from what they say ({@code member_attitude}: the latest
 * NPS or continued-use score), what they show ({@code community_contribution}: their live contributions of the
 * engagement window) and what they do ({@code member_rfm}: the latest RFM scores in one currency), so an answer or a
 * contribution that arrived a second ago already counts. Attitude combines the first two by {@link Attitude#of}. The
 * members are those with any of the three: a member with an answer or contributions but no scored purchase is
 * behaviourally low; one whose attitude is neither said nor shown is {@link Quadrant#UNKNOWN}.
 */
@ApplicationScoped
public class QuadrantRepository {

    /**
     * The rules of one query: the currency of the RFM scores, the R+F+M sum from which behaviour is high, passives,
     * the start of the community engagement window and the contribution score from which a member is attached (0:
     * community engagement does not count).
     */
    public record Rules(
            String currency,
            int behaviouralHighFrom,
            boolean passiveIsHigh,
            Instant communitySince,
            int communityAttachedScore) {}

    /** One member's place. */
    public record MemberQuadrant(
            UUID memberId,
            Quadrant quadrant,
            Attitude.Basis attitudeBasis,
            String attitudeType,
            Integer attitudeScore,
            Instant answeredAt,
            long communityContributions,
            long communityScore,
            Integer recencyScore,
            Integer frequencyScore,
            Integer monetaryScore,
            String segment) {}

    // att_high: true / false / null (unknown), by the rule of Attitude.of; beh_high: true / false.
    // Parameters: 1 engagement window start, 2 passive is high, 3 attached score (null: off), 4 behaviour high from,
    // 5 currency.
    private static final String PLACED = "with eng as (select member_id, count(*) as contributions, "
            + "sum(weight) as cscore from community_contribution where revoked_at is null and occurred_at >= ? "
            + "group by member_id), "
            + "placed as (select coalesce(b.member_id, a.member_id, e.member_id) as member_id, "
            + "case when a.score <= 6 then false "
            + "when a.score >= 9 or (a.score >= 7 and ?) then true "
            + "when e.cscore >= ? then true "
            + "when a.score is not null then false end as att_high, "
            + "coalesce(b.r + b.f + b.m >= ?, false) as beh_high, a.question_type, a.score, a.answered_at, "
            + "coalesce(e.contributions, 0) as contributions, coalesce(e.cscore, 0) as cscore, "
            + "b.r, b.f, b.m, b.segment "
            + "from (select member_id, r, f, m, segment from member_rfm where currency = ?) b "
            + "full outer join member_attitude a on a.member_id = b.member_id "
            + "full outer join eng e on e.member_id = coalesce(b.member_id, a.member_id)) ";
    private static final int PLACED_PARAMETERS = 5;

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
     * The member's place (UNKNOWN with no scores if the member has neither an answer, nor engagement, nor RFM scores):
     * primary-key and index look-ups, the rules applied here as in the set-based queries ({@link Attitude#of}).
     */
    public MemberQuadrant of(Rules rules, UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select a.question_type, a.score, a.answered_at, "
                    + "b.r, b.f, b.m, b.segment, e.contributions, coalesce(e.cscore, 0) as cscore "
                    + "from (select 1) as one "
                    + "left join member_attitude a on a.member_id = ? "
                    + "left join member_rfm b on b.member_id = ? and b.currency = ? "
                    + "cross join lateral (select count(*) as contributions, sum(weight) as cscore "
                    + "from community_contribution "
                    + "where member_id = ? and revoked_at is null and occurred_at >= ?) e")) {
                ps.setObject(1, memberId);
                ps.setObject(2, memberId);
                ps.setString(3, rules.currency());
                ps.setObject(4, memberId);
                ps.setTimestamp(5, Timestamp.from(rules.communitySince()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Integer score = (Integer) rs.getObject("score");
                    Integer r = (Integer) rs.getObject("r");
                    Integer f = (Integer) rs.getObject("f");
                    Integer m = (Integer) rs.getObject("m");
                    long communityScore = rs.getLong("cscore");
                    Attitude attitude =
                            Attitude.of(score, rules.passiveIsHigh(), communityScore, rules.communityAttachedScore());
                    boolean behaviour = r != null && r + f + m >= rules.behaviouralHighFrom();
                    Timestamp answeredAt = rs.getTimestamp("answered_at");
                    return new MemberQuadrant(
                            memberId,
                            Quadrant.of(attitude.high(), behaviour),
                            attitude.basis(),
                            rs.getString("question_type"),
                            score,
                            answeredAt == null ? null : answeredAt.toInstant(),
                            rs.getLong("contributions"),
                            communityScore,
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
                    ps.setBoolean(PLACED_PARAMETERS + 1, att);
                    ps.setBoolean(PLACED_PARAMETERS + 2, beh);
                }
                if (fetchSize > 0) {
                    ps.setFetchSize(fetchSize);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs, rules));
                    }
                }
                return null;
            }
        });
    }

    private static void bind(PreparedStatement ps, Rules rules) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(rules.communitySince()));
        ps.setBoolean(2, rules.passiveIsHigh());
        if (rules.communityAttachedScore() > 0) {
            ps.setLong(3, rules.communityAttachedScore());
        } else {
            ps.setNull(3, Types.BIGINT); // nobody is attached by engagement
        }
        ps.setInt(4, rules.behaviouralHighFrom());
        ps.setString(5, rules.currency());
    }

    private static MemberQuadrant row(ResultSet rs, Rules rules) throws SQLException {
        Boolean att = (Boolean) rs.getObject("att_high");
        Integer score = (Integer) rs.getObject("score");
        long communityScore = rs.getLong("cscore");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new MemberQuadrant(
                rs.getObject("member_id", UUID.class),
                Quadrant.of(att, rs.getBoolean("beh_high")),
                Attitude.of(score, rules.passiveIsHigh(), communityScore, rules.communityAttachedScore())
                        .basis(),
                rs.getString("question_type"),
                score,
                answeredAt == null ? null : answeredAt.toInstant(),
                rs.getLong("contributions"),
                communityScore,
                (Integer) rs.getObject("r"),
                (Integer) rs.getObject("f"),
                (Integer) rs.getObject("m"),
                rs.getString("segment"));
    }
}
