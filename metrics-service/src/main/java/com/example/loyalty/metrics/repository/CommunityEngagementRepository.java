package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code community_contribution} table: one row per community contribution, revoked or not, and the engagement of
 * a member computed from it (contributions and score since a time, the last contribution).
 */
@ApplicationScoped
public class CommunityEngagementRepository {

    /** A contribution as community-activity reported it. */
    public record Contribution(UUID contributionId, UUID memberId, String type, int weight, Instant occurredAt) {}

    /** A contribution taken back. */
    public record Revocation(UUID contributionId, UUID memberId, String type, int weight, Instant revokedAt) {}

    /**
     * A member's community engagement.
     *
     * @param contributions      live (unrevoked) contributions since the window's start
     * @param score              the sum of their weights
     * @param lastContributionAt the member's latest live contribution, however old; null if none
     */
    public record Engagement(long contributions, long score, Instant lastContributionAt) {
        public static final Engagement NONE = new Engagement(0, 0, null);
    }

    /** One row of the table, as kept. */
    public record Kept(
            UUID contributionId, UUID memberId, String type, int weight, Instant occurredAt, Instant revokedAt) {}

    private static final String INSERT_CONTRIBUTIONS = "insert into community_contribution "
            + "(contribution_id, member_id, type, weight, occurred_at) "
            + "select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int4[], ?::timestamptz[]) "
            + "on conflict (contribution_id) do nothing";
    // a contribution not seen yet gets a tombstone (occurred_at null); one revoked before keeps its first revocation
    private static final String REVOKE = "insert into community_contribution "
            + "(contribution_id, member_id, type, weight, revoked_at) "
            + "select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int4[], ?::timestamptz[]) "
            + "on conflict (contribution_id) do update set revoked_at = excluded.revoked_at "
            + "where community_contribution.revoked_at is null";

    private final EntityManager em;

    public CommunityEngagementRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Keeps a batch in the caller's transaction: the contributions first (each once; one revoked before stays
     * revoked), then the revocations (a contribution never seen gets a tombstone), so the result does not depend on
     * the order in which the two arrive.
     */
    public void keepAll(List<Contribution> contributions, List<Revocation> revocations) {
        // by contribution id, each once, so concurrent batches lock rows in the same order
        Map<UUID, Contribution> added = new TreeMap<>();
        contributions.forEach(c -> added.putIfAbsent(c.contributionId(), c));
        Map<UUID, Revocation> revoked = new TreeMap<>();
        revocations.forEach(r ->
                revoked.merge(r.contributionId(), r, (a, b) -> b.revokedAt().isBefore(a.revokedAt()) ? b : a));
        Jdbc.work(em, c -> {
            if (!added.isEmpty()) {
                List<UUID> ids = new ArrayList<>();
                List<UUID> members = new ArrayList<>();
                List<String> types = new ArrayList<>();
                List<Integer> weights = new ArrayList<>();
                List<Timestamp> at = new ArrayList<>();
                for (Contribution x : added.values()) {
                    ids.add(x.contributionId());
                    members.add(x.memberId());
                    types.add(x.type());
                    weights.add(x.weight());
                    at.add(Timestamp.from(x.occurredAt()));
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT_CONTRIBUTIONS)) {
                    Jdbc.setArrays(ps, c, new String[] {"uuid", "uuid", "text", "int4", "timestamptz"}, new List<?>[] {
                        ids, members, types, weights, at
                    });
                    ps.executeUpdate();
                }
            }
            if (!revoked.isEmpty()) {
                List<UUID> ids = new ArrayList<>();
                List<UUID> members = new ArrayList<>();
                List<String> types = new ArrayList<>();
                List<Integer> weights = new ArrayList<>();
                List<Timestamp> at = new ArrayList<>();
                for (Revocation x : revoked.values()) {
                    ids.add(x.contributionId());
                    members.add(x.memberId());
                    types.add(x.type());
                    weights.add(x.weight());
                    at.add(Timestamp.from(x.revokedAt()));
                }
                try (PreparedStatement ps = c.prepareStatement(REVOKE)) {
                    Jdbc.setArrays(ps, c, new String[] {"uuid", "uuid", "text", "int4", "timestamptz"}, new List<?>[] {
                        ids, members, types, weights, at
                    });
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The member's engagement since {@code since} (and their last live contribution, however old). */
    public Engagement of(UUID memberId, Instant since) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) filter (where occurred_at >= ?), "
                    + "coalesce(sum(weight) filter (where occurred_at >= ?), 0), max(occurred_at) "
                    + "from community_contribution where member_id = ? and revoked_at is null")) {
                Timestamp from = Timestamp.from(since);
                ps.setTimestamp(1, from);
                ps.setTimestamp(2, from);
                ps.setObject(3, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp last = rs.getTimestamp(3);
                    return new Engagement(rs.getLong(1), rs.getLong(2), last == null ? null : last.toInstant());
                }
            }
        });
    }

    /** The contribution's row, if kept. */
    public Optional<Kept> find(UUID contributionId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select contribution_id, member_id, type, weight, "
                    + "occurred_at, revoked_at from community_contribution where contribution_id = ?")) {
                ps.setObject(1, contributionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Kept>empty();
                    }
                    Timestamp occurred = rs.getTimestamp(5);
                    Timestamp revoked = rs.getTimestamp(6);
                    return Optional.of(new Kept(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getInt(4),
                            occurred == null ? null : occurred.toInstant(),
                            revoked == null ? null : revoked.toInstant()));
                }
            }
        });
    }

    /** Moves every contribution of {@code from}, revoked or not, to {@code to} (a merge). */
    public int move(UUID from, UUID to) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update community_contribution set member_id = ? where member_id = ?")) {
                ps.setObject(1, to);
                ps.setObject(2, from);
                return ps.executeUpdate();
            }
        });
    }
}
