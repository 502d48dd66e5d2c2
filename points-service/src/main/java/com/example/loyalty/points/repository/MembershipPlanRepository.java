package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.MembershipPlan;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MembershipPlanRepository implements PanacheRepositoryBase<MembershipPlan, UUID> {

    /** The plans by code; retired ones only if asked for. */
    public List<MembershipPlan> catalogue(boolean withRetired) {
        return withRetired ? list("order by code") : list("retiredAt is null order by code");
    }

    /** The plan with this code, case ignored. */
    public Optional<MembershipPlan> findByCode(String code) {
        return find("upper(code) = upper(?1)", code).firstResultOptional();
    }

    /** Row-locked for a change (FOR UPDATE). */
    public Optional<MembershipPlan> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
