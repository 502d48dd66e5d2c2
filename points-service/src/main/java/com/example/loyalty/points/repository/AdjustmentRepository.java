package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.PointAdjustment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AdjustmentRepository implements PanacheRepositoryBase<PointAdjustment, UUID> {

    public Optional<PointAdjustment> findByKey(UUID memberId, String idempotencyKey) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, idempotencyKey)
                .firstResultOptional();
    }
}
