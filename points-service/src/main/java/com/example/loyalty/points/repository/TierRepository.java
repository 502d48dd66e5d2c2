package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Tier;
import com.example.loyalty.points.domain.TierLadder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class TierRepository implements PanacheRepositoryBase<Tier, String> {

    /** All tiers, lowest rank first. */
    public List<Tier> ladder() {
        return list("order by rank");
    }

    public TierLadder settings() {
        return getEntityManager().find(TierLadder.class, TierLadder.ID);
    }

    public TierLadder lockSettings() {
        return getEntityManager().find(TierLadder.class, TierLadder.ID, LockModeType.PESSIMISTIC_WRITE);
    }
}
