package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Cause;
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
public class CauseRepository implements PanacheRepositoryBase<Cause, UUID> {

    /** What a cause was given: points donated, points the brand matched, distinct donors, donations. */
    public record Totals(long donatedPoints, long matchedPoints, long donors, long donations) {
        public static final Totals NONE = new Totals(0, 0, 0, 0);
    }

    /** Every cause, oldest first; the inactive ones only if asked for. */
    public List<Cause> all(boolean withInactive) {
        return withInactive ? list("order by createdAt, id") : list("active = true order by createdAt, id");
    }

    /** Row-locked (FOR UPDATE) for a marketer's change. */
    public Optional<Cause> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The totals of these causes, summed from their donations as committed (and as this transaction wrote them): exact
     * whatever donations run meanwhile, since nothing is counted twice or kept apart from the donations themselves.
     */
    public Map<UUID, Totals> totals(Collection<UUID> causeIds) {
        Map<UUID, Totals> totals = new HashMap<>();
        if (causeIds.isEmpty()) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select cause_id, coalesce(sum(points), 0), coalesce(sum(matched_points), 0), "
                        + "count(distinct member_id), count(*) from redemption where cause_id in (:ids) "
                        + "and status = 'DONATED' group by cause_id")
                .setParameter("ids", causeIds)
                .getResultList();
        for (Object[] row : rows) {
            totals.put(
                    (UUID) row[0],
                    new Totals(
                            ((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(),
                            ((Number) row[3]).longValue(),
                            ((Number) row[4]).longValue()));
        }
        return totals;
    }
}
