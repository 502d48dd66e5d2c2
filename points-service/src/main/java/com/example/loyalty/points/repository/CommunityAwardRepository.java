package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code community_award} table: one row per community contribution, its award (points due and credited) and its
 * revocation (points taken back and the shortfall), or a tombstone for a contribution revoked before it was awarded.
 */
@ApplicationScoped
public class CommunityAwardRepository {

    /** A contribution's row. */
    public record Award(
            UUID contributionId,
            UUID memberId,
            String type,
            UUID eventId,
            LocalDate awardDay,
            long pointsDue,
            long points,
            Instant revokedAt,
            long pointsReversed,
            long shortfall,
            String revokeReason) {

        /** A revocation that came before any award: a late award gives nothing. */
        public boolean tombstone() {
            return eventId == null;
        }

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** An award to record. */
    public record NewAward(
            UUID contributionId,
            UUID memberId,
            String type,
            UUID eventId,
            UUID contentId,
            Instant occurredAt,
            LocalDate awardDay,
            long pointsDue,
            long points,
            Instant awardedAt) {}

    private static final String COLUMNS = "contribution_id, member_id, type, event_id, award_day, points_due, points, "
            + "revoked_at, points_reversed, shortfall, revoke_reason";

    private final EntityManager em;

    public CommunityAwardRepository(EntityManager em) {
        this.em = em;
    }

    /** The contribution's row, locked until the transaction ends. */
    public Optional<Award> lock(UUID contributionId) {
        return find(contributionId, true);
    }

    /** The contribution's row. */
    public Optional<Award> find(UUID contributionId) {
        return find(contributionId, false);
    }

    private Optional<Award> find(UUID contributionId, boolean lock) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from community_award where contribution_id = ?" + (lock ? " for update" : ""))) {
                ps.setObject(1, contributionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(award(rs)) : Optional.<Award>empty();
                }
            }
        });
    }

    /** Records the award unless the contribution has a row already; true when this call recorded it. */
    public boolean insertAward(NewAward a) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into community_award (contribution_id, member_id, "
                    + "type, event_id, content_id, occurred_at, award_day, points_due, points, awarded_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (contribution_id) do nothing")) {
                ps.setObject(1, a.contributionId());
                ps.setObject(2, a.memberId());
                ps.setString(3, a.type());
                ps.setObject(4, a.eventId());
                ps.setObject(5, a.contentId(), Types.OTHER);
                ps.setTimestamp(6, Timestamp.from(a.occurredAt()));
                ps.setObject(7, a.awardDay());
                ps.setLong(8, a.pointsDue());
                ps.setLong(9, a.points());
                ps.setTimestamp(10, Timestamp.from(a.awardedAt()));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a revocation of a contribution that has no row (a tombstone, no points) unless it has one by now; true
     * when this call recorded it.
     */
    public boolean insertTombstone(
            UUID contributionId,
            UUID memberId,
            String type,
            UUID contentId,
            Instant revokedAt,
            UUID revokeEventId,
            String reason) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into community_award (contribution_id, member_id, "
                    + "type, content_id, revoked_at, revoke_event_id, revoke_reason) values (?, ?, ?, ?, ?, ?, ?) "
                    + "on conflict (contribution_id) do nothing")) {
                ps.setObject(1, contributionId);
                ps.setObject(2, memberId);
                ps.setString(3, type);
                ps.setObject(4, contentId, Types.OTHER);
                ps.setTimestamp(5, Timestamp.from(revokedAt));
                ps.setObject(6, revokeEventId);
                ps.setString(7, reason);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Marks an award revoked: {@code reversed + shortfall} must be the points it credited. */
    public void markRevoked(
            UUID contributionId, Instant revokedAt, UUID revokeEventId, String reason, long reversed, long shortfall) {
        int updated = SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update community_award set revoked_at = ?, "
                    + "revoke_event_id = ?, revoke_reason = ?, points_reversed = ?, shortfall = ? "
                    + "where contribution_id = ? and revoked_at is null")) {
                ps.setTimestamp(1, Timestamp.from(revokedAt));
                ps.setObject(2, revokeEventId);
                ps.setString(3, reason);
                ps.setLong(4, reversed);
                ps.setLong(5, shortfall);
                ps.setObject(6, contributionId);
                return ps.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalStateException("contribution " + contributionId + " is not an unrevoked award");
        }
    }

    private static Award award(ResultSet rs) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new Award(
                rs.getObject("contribution_id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getString("type"),
                rs.getObject("event_id", UUID.class),
                rs.getObject("award_day", LocalDate.class),
                rs.getLong("points_due"),
                rs.getLong("points"),
                revokedAt == null ? null : revokedAt.toInstant(),
                rs.getLong("points_reversed"),
                rs.getLong("shortfall"),
                rs.getString("revoke_reason"));
    }
}
