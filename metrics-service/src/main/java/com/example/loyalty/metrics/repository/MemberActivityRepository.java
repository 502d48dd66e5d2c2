package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.MemberActivity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MemberActivityRepository implements PanacheRepositoryBase<MemberActivity, UUID> {

    /**
     * The member's aggregate, created empty on first sight, row-locked until the transaction ends so
     * concurrent events of one member (e.g. during a consumer-group rebalance) are applied one after another.
     */
    public MemberActivity lockOrCreate(UUID memberId) {
        getEntityManager()
                .createNativeQuery("insert into member_activity (member_id, updated_at) values (:id, now()) "
                        + "on conflict (member_id) do nothing")
                .setParameter("id", memberId)
                .executeUpdate();
        return findById(memberId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The aggregates of {@code memberIds}, created empty on first sight, row-locked until the transaction ends, in
     * member-id order (so two transactions locking overlapping sets never wait on each other crosswise); two
     * statements whatever the number of members.
     */
    public Map<UUID, MemberActivity> lockOrCreateAll(java.util.SortedSet<UUID> memberIds) {
        Jdbc.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_activity (member_id, updated_at) "
                            + "select id, now() from unnest(?::uuid[]) as m(id) order by id on conflict (member_id) do nothing")) {
                ps.setArray(1, Jdbc.array(c, "uuid", memberIds));
                return ps.executeUpdate();
            }
        });
        Map<UUID, MemberActivity> locked = new HashMap<>();
        find("memberId in ?1 order by memberId", memberIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .forEach(a -> locked.put(a.memberId, a));
        return locked;
    }

    /** The current tier of each of {@code memberIds} that has one (members without a known tier are absent). */
    public Map<UUID, String> tiersOf(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select member_id, tier from member_activity where member_id = any(?) and tier is not null")) {
                ps.setArray(1, Jdbc.array(c, "uuid", memberIds));
                Map<UUID, String> tiers = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tiers.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
                return tiers;
            }
        });
    }
}
