package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code member_merge} table: which member each merged member now is. Every consumer that keeps something per
 * member reads it through {@link #survivorsOf} under {@link #lockShared}, and a merge writes it under
 * {@link #lockExclusive}: so a merge waits for the batches reading the members as they were, and batches after it see
 * it, and no event about a merged member lands on it after its rows moved to the survivor.
 */
@ApplicationScoped
public class MemberMergeRepository {

    private static final String LOCK = "select pg_advisory_xact_lock%s(hashtext('member_merge'))";

    private final EntityManager em;

    public MemberMergeRepository(EntityManager em) {
        this.em = em;
    }

    /** Held until the transaction ends: merges wait, other readers do not. Take it before any row lock. */
    public void lockShared() {
        lock("_shared");
    }

    /** Held until the transaction ends: waits for every reader, and they for it. */
    public void lockExclusive() {
        lock("");
    }

    /** The survivor of each of {@code memberIds} that was merged into another member (the others are absent). */
    public Map<UUID, UUID> survivorsOf(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select merged_member_id, survivor_id from member_merge where merged_member_id = any(?)")) {
                ps.setArray(1, Jdbc.array(c, "uuid", memberIds));
                Map<UUID, UUID> survivors = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        survivors.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    }
                }
                return survivors;
            }
        });
    }

    /** The member {@code memberId} was merged into, if it was. */
    public Optional<UUID> survivorOf(UUID memberId) {
        return Optional.ofNullable(survivorsOf(List.of(memberId)).get(memberId));
    }

    /** The members merged into {@code survivor}. */
    public List<UUID> mergedInto(UUID survivor) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select merged_member_id from member_merge where survivor_id = ?")) {
                ps.setObject(1, survivor);
                List<UUID> merged = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        merged.add(rs.getObject(1, UUID.class));
                    }
                }
                return merged;
            }
        });
    }

    /**
     * Records that {@code merged} is now {@code survivor}, and so are the members merged into {@code merged} before.
     */
    public void record(UUID merged, UUID survivor, Instant at) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update member_merge set survivor_id = ? " + "where survivor_id = ?")) {
                ps.setObject(1, survivor);
                ps.setObject(2, merged);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into member_merge (merged_member_id, survivor_id, "
                    + "merged_at) values (?, ?, ?) on conflict (merged_member_id) do nothing")) {
                ps.setObject(1, merged);
                ps.setObject(2, survivor);
                ps.setTimestamp(3, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    private void lock(String mode) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(LOCK.formatted(mode))) {
                ps.execute();
                return null;
            }
        });
    }
}
