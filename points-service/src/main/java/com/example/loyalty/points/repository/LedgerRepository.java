package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.LedgerEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** A page of a member's history, newest first. */
    public List<LedgerEntry> page(UUID memberId, int page, int size) {
        return find("memberId = ?1 order by seq desc", memberId)
                .page(Page.of(page, size))
                .list();
    }

    public long countFor(UUID memberId) {
        return count("memberId", memberId);
    }

    public long sumFor(UUID memberId) {
        Long sum = getEntityManager()
                .createQuery("select coalesce(sum(e.points), 0) from LedgerEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }
}
