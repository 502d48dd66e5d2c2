package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.PointAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The {@code action_award} table: every award of an action's points, what the caps count. */
@ApplicationScoped
public class ActionAwardRepository {

    /** One award: what the rule version said it was worth ({@code pointsDue}) and what the caps let through. */
    public record Award(
            UUID memberId,
            PointAction action,
            String key,
            Instant occurredAt,
            LocalDate awardDay,
            long pointsDue,
            long points,
            UUID ruleVersionId,
            Instant awardedAt) {}

    private final EntityManager em;

    public ActionAwardRepository(EntityManager em) {
        this.em = em;
    }

    /** What the member was credited for an action on a day, in its month and in its year (0 where not asked). */
    public record Credited(long day, long month, long year) {}

    /**
     * Points of {@code action} credited to the member on {@code day}, in its calendar month (when {@code month}) and
     * in its calendar year (when {@code year}): one index range scan over the widest period asked, summed per period.
     */
    public Credited credited(UUID memberId, PointAction action, LocalDate day, boolean month, boolean year) {
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate yearStart = day.withDayOfYear(1);
        LocalDate from = year ? yearStart : month ? monthStart : day;
        LocalDate until = year ? yearStart.plusYears(1) : month ? monthStart.plusMonths(1) : day.plusDays(1);
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select coalesce(sum(points) filter (where award_day = ?), 0), "
                            + "coalesce(sum(points) filter (where award_day >= ? and award_day < ?), 0), coalesce(sum(points), 0) "
                            + "from action_award where member_id = ? and action = ? and award_day >= ? and award_day < ?")) {
                ps.setObject(1, day);
                ps.setObject(2, monthStart);
                ps.setObject(3, monthStart.plusMonths(1));
                ps.setObject(4, memberId);
                ps.setString(5, action.name());
                ps.setObject(6, from);
                ps.setObject(7, until);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Credited(rs.getLong(1), month ? rs.getLong(2) : 0, year ? rs.getLong(3) : 0);
                }
            }
        });
    }

    /** Records the award unless the member has one for the action and key; true when this call recorded it. */
    public boolean insert(Award a) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into action_award (member_id, action, award_key, "
                    + "occurred_at, award_day, points_due, points, rule_version_id, awarded_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (member_id, action, award_key) do nothing")) {
                ps.setObject(1, a.memberId());
                ps.setString(2, a.action().name());
                ps.setString(3, a.key());
                ps.setTimestamp(4, Timestamp.from(a.occurredAt()));
                ps.setObject(5, a.awardDay());
                ps.setLong(6, a.pointsDue());
                ps.setLong(7, a.points());
                ps.setObject(8, a.ruleVersionId());
                ps.setTimestamp(9, Timestamp.from(a.awardedAt()));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The member's award for the action and key. */
    public Optional<Award> find(UUID memberId, PointAction action, String key) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id, action, award_key, occurred_at, "
                    + "award_day, points_due, points, rule_version_id, awarded_at from action_award "
                    + "where member_id = ? and action = ? and award_key = ?")) {
                ps.setObject(1, memberId);
                ps.setString(2, action.name());
                ps.setString(3, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Award>empty();
                    }
                    return Optional.of(new Award(
                            rs.getObject(1, UUID.class),
                            PointAction.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getObject(5, LocalDate.class),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getObject(8, UUID.class),
                            rs.getTimestamp(9).toInstant()));
                }
            }
        });
    }
}
