package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.LotConsumption;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Which lots each debit took its points from. */
@ApplicationScoped
public class LotConsumptionRepository implements PanacheRepositoryBase<LotConsumption, LotConsumption.Key> {

    /** What the debit {@code entryId} took and has not given back, by lot. */
    public List<LotConsumption> unrestored(UUID entryId) {
        return list("entryId = ?1 and restoredBy is null order by lotId", entryId);
    }
}
