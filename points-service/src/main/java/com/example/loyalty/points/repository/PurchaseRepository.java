package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Purchase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    public Optional<Purchase> findByTransactionId(String transactionId) {
        return find("transactionId", transactionId).firstResultOptional();
    }

    /** Qualifying spend of a member for purchases that happened after {@code since}. */
    public long spendSince(UUID memberId, Instant since) {
        Long sum = getEntityManager()
                .createQuery(
                        "select coalesce(sum(p.amount), 0) from Purchase p where p.memberId = :m and p.occurredAt > :since",
                        Long.class)
                .setParameter("m", memberId)
                .setParameter("since", since)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }
}
