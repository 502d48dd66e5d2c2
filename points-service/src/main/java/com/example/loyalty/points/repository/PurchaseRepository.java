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

    /** The sum and the oldest of a member's purchases that happened after {@code since}. */
    public record WindowSummary(long total, Instant oldest) {}

    public WindowSummary windowSummary(UUID memberId, Instant since) {
        Object[] row = (Object[]) getEntityManager()
                .createQuery(
                        "select coalesce(sum(p.amount), 0), min(p.occurredAt) from Purchase p "
                                + "where p.memberId = :m and p.occurredAt > :since",
                        Object[].class)
                .setParameter("m", memberId)
                .setParameter("since", since)
                .getSingleResult();
        return new WindowSummary(((Number) row[0]).longValue(), (Instant) row[1]);
    }
}
