package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.PurchaseReturn;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReturnRepository implements PanacheRepositoryBase<PurchaseReturn, UUID> {

    /** The return with the till's id {@code returnId} at the store (its idempotency key). */
    public Optional<PurchaseReturn> find(String storeId, String returnId) {
        return find("storeId = ?1 and returnId = ?2", storeId, returnId).firstResultOptional();
    }
}
