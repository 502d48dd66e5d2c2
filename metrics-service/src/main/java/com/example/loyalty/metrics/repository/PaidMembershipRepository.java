package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code paid_membership_term} table: members' unbroken paid memberships, as points-service's MembershipChanged
 * events describe them; the paid-membership churn is counted from it.
 */
@ApplicationScoped
public class PaidMembershipRepository {

    /** A member's open term (not ended). */
    public record Term(UUID memberId, Instant startedAt, Instant paidThrough, Instant cancelledAt) {}

    private final EntityManager em;

    public PaidMembershipRepository(EntityManager em) {
        this.em = em;
    }

    /** The member's open term, row-locked. */
    public Optional<Term> lockOpen(UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select started_at, paid_through, cancelled_at from "
                    + "paid_membership_term where member_id = ? and ended_at is null for update")) {
                ps.setObject(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Timestamp cancelled = rs.getTimestamp(3);
                    return Optional.of(new Term(
                            memberId,
                            rs.getTimestamp(1).toInstant(),
                            rs.getTimestamp(2).toInstant(),
                            cancelled == null ? null : cancelled.toInstant()));
                }
            }
        });
    }

    /** Opens a term (a start, or a renewal after a lapse). */
    public void open(UUID memberId, Instant startedAt, Instant paidThrough, String plan, Instant now) {
        update(
                "insert into paid_membership_term (member_id, started_at, paid_through, plan, updated_at) "
                        + "values (?, ?, ?, ?, ?) on conflict (member_id, started_at) do nothing",
                memberId,
                Timestamp.from(startedAt),
                Timestamp.from(paidThrough),
                plan,
                Timestamp.from(now));
    }

    /** A renewal: paid further, on {@code plan}, and no longer cancelled. */
    public void renew(UUID memberId, Instant startedAt, Instant paidThrough, String plan, Instant now) {
        update(
                "update paid_membership_term set paid_through = greatest(paid_through, ?), plan = ?, "
                        + "cancelled_at = null, updated_at = ? where member_id = ? and started_at = ?",
                Timestamp.from(paidThrough),
                plan,
                Timestamp.from(now),
                memberId,
                Timestamp.from(startedAt));
    }

    public void cancel(UUID memberId, Instant startedAt, Instant at, Instant now) {
        update(
                "update paid_membership_term set cancelled_at = ?, updated_at = ? where member_id = ? "
                        + "and started_at = ?",
                Timestamp.from(at),
                Timestamp.from(now),
                memberId,
                Timestamp.from(startedAt));
    }

    /** The term ends: at {@code end} (its last period's end), which is then its paid_through. */
    public void end(UUID memberId, Instant startedAt, Instant end, boolean cancelled, Instant now) {
        update(
                "update paid_membership_term set ended_at = ?, paid_through = greatest(?, started_at + interval "
                        + "'1 microsecond'), cancelled_at = case when ? then coalesce(cancelled_at, ?) else "
                        + "cancelled_at end, updated_at = ? where member_id = ? and started_at = ?",
                Timestamp.from(end),
                Timestamp.from(end),
                cancelled,
                Timestamp.from(end),
                Timestamp.from(now),
                memberId,
                Timestamp.from(startedAt));
    }

    /**
     * {@code merged} is now {@code survivor}: its terms move; when both have an open term, they become one (the
     * earlier start, the later paid-through; cancelled only if both were), as points-service keeps one membership.
     */
    public void move(UUID merged, UUID survivor) {
        update(
                "update paid_membership_term s set started_at = least(s.started_at, f.started_at), "
                        + "paid_through = greatest(s.paid_through, f.paid_through), "
                        + "cancelled_at = case when s.cancelled_at is null or f.cancelled_at is null then null "
                        + "else greatest(s.cancelled_at, f.cancelled_at) end "
                        + "from paid_membership_term f where s.member_id = ? and s.ended_at is null "
                        + "and f.member_id = ? and f.ended_at is null",
                survivor,
                merged);
        update(
                "delete from paid_membership_term f where f.member_id = ? and f.ended_at is null and exists "
                        + "(select 1 from paid_membership_term s where s.member_id = ? and s.ended_at is null)",
                merged,
                survivor);
        // an ended term of one whose start the survivor has too (same instant) is dropped rather than collide
        update(
                "delete from paid_membership_term f where f.member_id = ? and exists (select 1 from "
                        + "paid_membership_term s where s.member_id = ? and s.started_at = f.started_at)",
                merged,
                survivor);
        update("update paid_membership_term set member_id = ? where member_id = ?", survivor, merged);
    }

    /** Per checkpoint {@code t_i}: how many members pay at {@code t_i}. */
    public long[] payingAt(List<Instant> checkpoints) {
        long[] counts = new long[checkpoints.size()];
        for (int i = 0; i < checkpoints.size(); i++) {
            counts[i] = count(
                    "select count(distinct member_id) from paid_membership_term where started_at <= ? "
                            + "and paid_through > ?",
                    checkpoints.get(i),
                    checkpoints.get(i));
        }
        return counts;
    }

    /** What happened in [from, to) to the members paying at {@code from}. */
    public record PeriodCounts(long payingAtStart, long stopped, long stoppedAfterCancelling, long cancellations) {}

    /**
     * For the period [from, to): members paying at {@code from}; of them those not paying at {@code to} (their paid
     * period ended in the period and no term covers {@code to}), and of those the ones who had cancelled; and the
     * cancellations recorded in the period (whether the membership has ended yet or not).
     */
    public PeriodCounts period(Instant from, Instant to) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("with paying as (select distinct member_id from "
                    + "paid_membership_term where started_at <= ? and paid_through > ?), "
                    + "still as (select distinct member_id from paid_membership_term where started_at <= ? "
                    + "and paid_through > ?), "
                    + "stopped as (select p.member_id from paying p where not exists (select 1 from still s "
                    + "where s.member_id = p.member_id)) "
                    + "select (select count(*) from paying), (select count(*) from stopped), "
                    + "(select count(*) from stopped st where exists (select 1 from paid_membership_term t where "
                    + "t.member_id = st.member_id and t.cancelled_at is not null and t.paid_through > ? "
                    + "and t.paid_through <= ?)), "
                    + "(select count(*) from paid_membership_term where cancelled_at >= ? and cancelled_at < ?)")) {
                Timestamp f = Timestamp.from(from);
                Timestamp t = Timestamp.from(to);
                ps.setTimestamp(1, f);
                ps.setTimestamp(2, f);
                ps.setTimestamp(3, t);
                ps.setTimestamp(4, t);
                ps.setTimestamp(5, f);
                ps.setTimestamp(6, t);
                ps.setTimestamp(7, f);
                ps.setTimestamp(8, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new PeriodCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        });
    }

    private long count(String sql, Instant a, Instant b) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(a));
                ps.setTimestamp(2, Timestamp.from(b));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private int update(String sql, Object... params) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** For tests and the merge: every term of a member, oldest first. */
    public List<Term> terms(UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select started_at, paid_through, cancelled_at from "
                    + "paid_membership_term where member_id = ? order by started_at")) {
                ps.setObject(1, memberId);
                List<Term> terms = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp cancelled = rs.getTimestamp(3);
                        terms.add(new Term(
                                memberId,
                                rs.getTimestamp(1).toInstant(),
                                rs.getTimestamp(2).toInstant(),
                                cancelled == null ? null : cancelled.toInstant()));
                    }
                }
                return terms;
            }
        });
    }
}
