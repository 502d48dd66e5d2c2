package com.example.loyalty.points.repository;

import com.example.loyalty.common.web.Paging;
import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.LedgerKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** A page of a member's history, newest first. */
    public List<LedgerEntry> page(UUID memberId, int page, int size) {
        return Paging.window(page, size)
                .map(w -> find("memberId = ?1 order by seq desc", memberId)
                        .range(w.first(), w.last())
                        .list())
                .orElse(List.of());
    }

    /** The member's entry of {@code kind} for the reference, the latest if there are more. */
    public Optional<LedgerEntry> find(UUID memberId, LedgerKind kind, String referenceType, String referenceId) {
        return find(
                        "memberId = ?1 and kind = ?2 and referenceType = ?3 and referenceId = ?4 order by seq desc",
                        memberId,
                        kind,
                        referenceType,
                        referenceId)
                .firstResultOptional();
    }

    public long countFor(UUID memberId) {
        return count("memberId", memberId);
    }

    /** A page of the history of several members together (a survivor and the members merged into it), newest first. */
    public List<LedgerEntry> page(List<UUID> memberIds, int page, int size) {
        return Paging.window(page, size)
                .map(w -> find("memberId in ?1 order by seq desc", memberIds)
                        .range(w.first(), w.last())
                        .list())
                .orElse(List.of());
    }

    public long countFor(List<UUID> memberIds) {
        return count("memberId in ?1", memberIds);
    }

    public long sumFor(UUID memberId) {
        Long sum = getEntityManager()
                .createQuery("select coalesce(sum(e.points), 0) from LedgerEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }
}
