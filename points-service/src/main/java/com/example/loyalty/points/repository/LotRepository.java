package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.PointLot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's lots of points. Every query that picks lots to take points from orders them soonest-expiring first,
 * never-expiring last, then oldest first: the order debits consume them in.
 */
@ApplicationScoped
public class LotRepository implements PanacheRepositoryBase<PointLot, UUID> {

    private static final String SOONEST_EXPIRING_FIRST = " order by expiresAt asc nulls last, earnedAt, id";

    /** Open lots spendable at {@code now}, in the order debits take them; at most {@code limit}. */
    public List<PointLot> spendable(UUID memberId, Instant now, int limit) {
        return find("memberId = ?1 and remaining > 0 and availableAt <= ?2" + SOONEST_EXPIRING_FIRST, memberId, now)
                .range(0, limit - 1)
                .list();
    }

    /** Open lots still pending at {@code now}, in the same order; at most {@code limit}. */
    public List<PointLot> pending(UUID memberId, Instant now, int limit) {
        return find("memberId = ?1 and remaining > 0 and availableAt > ?2" + SOONEST_EXPIRING_FIRST, memberId, now)
                .range(0, limit - 1)
                .list();
    }

    /** Open lots whose expiry date has come at {@code now}. */
    public List<PointLot> due(UUID memberId, Instant now) {
        return list(
                "memberId = ?1 and remaining > 0 and expiresAt <= ?2 order by expiresAt, earnedAt, id", memberId, now);
    }

    /** Points of the member not spendable yet at {@code now} (the rest of the balance is). */
    public long pendingPoints(UUID memberId, Instant now) {
        Long sum = getEntityManager()
                .createQuery(
                        "select coalesce(sum(l.remaining), 0) from PointLot l "
                                + "where l.memberId = :m and l.remaining > 0 and l.availableAt > :now",
                        Long.class)
                .setParameter("m", memberId)
                .setParameter("now", now)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** The lot a ledger entry credited. */
    public Optional<PointLot> creditedBy(UUID entryId) {
        return find("entryId", entryId).firstResultOptional();
    }

    /** Members with a lot due at {@code now}, after {@code after} in id order (null: from the first); at most limit. */
    public List<UUID> membersWithDueLots(Instant now, UUID after, int limit) {
        String where = "l.remaining > 0 and l.expiresAt <= :now" + (after == null ? "" : " and l.memberId > :after");
        var query = getEntityManager()
                .createQuery(
                        "select distinct l.memberId from PointLot l where " + where + " order by l.memberId",
                        UUID.class)
                .setParameter("now", now)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /** Points of the member expiring after {@code from} up to {@code until} (inclusive). */
    public long expiringPoints(UUID memberId, Instant from, Instant until) {
        Long sum = getEntityManager()
                .createQuery(
                        "select coalesce(sum(l.remaining), 0) from PointLot l where l.memberId = :m "
                                + "and l.remaining > 0 and l.expiresAt > :from and l.expiresAt <= :until",
                        Long.class)
                .setParameter("m", memberId)
                .setParameter("from", from)
                .setParameter("until", until)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** Points expiring together. */
    public record ExpiringGroup(Instant expiresAt, long points, long lots) {}

    /**
     * What of the member's lots expires after {@code from} up to {@code until} (inclusive), by expiry date, soonest
     * first; at most {@code limit} dates.
     */
    public List<ExpiringGroup> expiring(UUID memberId, Instant from, Instant until, int limit) {
        return getEntityManager()
                .createQuery(
                        "select l.expiresAt, sum(l.remaining), count(l) from PointLot l where l.memberId = :m "
                                + "and l.remaining > 0 and l.expiresAt > :from and l.expiresAt <= :until "
                                + "group by l.expiresAt order by l.expiresAt",
                        Object[].class)
                .setParameter("m", memberId)
                .setParameter("from", from)
                .setParameter("until", until)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(r -> new ExpiringGroup((Instant) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }
}
