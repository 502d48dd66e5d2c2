package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RewardRepository implements PanacheRepositoryBase<Reward, UUID> {

    /** The catalogue, oldest first; only rewards of {@code status} when given. */
    public List<Reward> catalogue(RewardStatus status) {
        return status == null ? list("order by createdAt, id") : list("status = ?1 order by createdAt, id", status);
    }

    /** Row-locked (FOR UPDATE) for a marketer's change: redemptions taking stock wait until it is committed. */
    public Optional<Reward> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The cause's own (open-amount) donation reward. */
    public Optional<Reward> openRewardOf(UUID causeId) {
        return find("causeId = ?1 and openAmount = true", causeId).firstResultOptional();
    }

    /**
     * Takes one from the stock of an active reward with a limited stock, in one conditional statement: it locks the row
     * (concurrent takers wait, then see the stock the winner left) and takes only while some is left, so the stock never
     * goes below zero, whatever the concurrency.
     *
     * @return whether one was taken (false: none left, or the reward was retired meanwhile)
     */
    public boolean takeOne(UUID id) {
        return getEntityManager()
                        .createNativeQuery("update reward set stock = stock - 1 where id = :id and status = 'ACTIVE' "
                                + "and stock > 0")
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    /** Gives one back to a limited stock (a voided coupon); an unlimited stock stays unlimited. */
    public void giveBackOne(UUID id) {
        getEntityManager()
                .createNativeQuery("update reward set stock = stock + 1 where id = :id and stock is not null")
                .setParameter("id", id)
                .executeUpdate();
    }

    /** The stock as committed now (null: unlimited), read past the persistence context. */
    public Long currentStock(UUID id) {
        List<?> rows = getEntityManager()
                .createNativeQuery("select stock from reward where id = :id")
                .setParameter("id", id)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    /** The status as committed now, read past the persistence context. */
    public RewardStatus currentStatus(UUID id) {
        return RewardStatus.valueOf((String) getEntityManager()
                .createNativeQuery("select status from reward where id = :id")
                .setParameter("id", id)
                .getSingleResult());
    }

    /** How many redemptions of each reward stand in each status: reward id, then status name, then count. */
    public Map<UUID, Map<String, Long>> countsByStatus(Collection<UUID> rewardIds) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        if (rewardIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select reward_id, status, count(*) from redemption where reward_id in (:ids) "
                        + "group by reward_id, status")
                .setParameter("ids", rewardIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((UUID) row[0], k -> new HashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    /** How many redemptions of each reward the member holds, voided ones left out. */
    public Map<UUID, Long> standingOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select reward_id, count(*) from redemption where member_id = :m "
                        + "and reward_id is not null and status <> 'VOIDED' group by reward_id")
                .setParameter("m", memberId)
                .getResultList();
        Map<UUID, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
