package com.example.loyalty.messaging.outbox;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.common.web.Paging;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The oldest events waiting to be sent (neither published nor parked), locked so that a second relay (another
     * replica) skips them instead of sending them twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockNextBatch(int size) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from outbox_event where published_at is null and parked_at is null "
                                + "order by seq limit :n for update skip locked",
                        OutboxEvent.class)
                .setParameter("n", size)
                .getResultList();
    }

    /** Marks the rows published, one statement whatever their number. */
    public void markPublished(List<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager()
                .createNativeQuery("update outbox_event set published_at = :at where id in (:ids)")
                .setParameter("at", at)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    public long countPending() {
        return count("publishedAt is null and parkedAt is null");
    }

    public long countParked() {
        return count("parkedAt is not null");
    }

    /**
     * When the oldest event waiting to be sent was written, if any: the first row of the relay's own index
     * ({@code outbox_pending_idx}), so the cost does not grow with the backlog.
     */
    public Optional<Instant> oldestPendingCreatedAt() {
        return ScalarQueries.of(
                        getEntityManager(),
                        "select created_at from outbox_event where published_at is null and parked_at is null "
                                + "order by seq limit 1",
                        "created_at",
                        Instant.class)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Parked events, oldest first. */
    public List<OutboxEvent> parked(int page, int size) {
        return Paging.window(page, size)
                .map(w -> find("parkedAt is not null", Sort.by("seq"))
                        .range(w.first(), w.last())
                        .list())
                .orElse(List.of());
    }

    public Optional<OutboxEvent> lockParked(UUID id) {
        return find("id = ?1 and parkedAt is not null", id)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Puts every parked event back in line; returns how many. */
    public int unparkAll() {
        return update("parkedAt = null, attempts = 0 where parkedAt is not null");
    }

    /**
     * The first sequence number that must be kept: that of the oldest row created at or after {@code cutoff}, or
     * one past the newest row. Rows are scanned in sequence order from the oldest, so the cost is the number of
     * old rows (which are about to be deleted anyway), not the size of the table.
     */
    public long firstSeqToKeep(Instant cutoff) {
        Object seq = getEntityManager()
                .createNativeQuery("select coalesce((select seq from outbox_event where created_at >= :cutoff "
                        + "order by seq limit 1), (select coalesce(max(seq), 0) + 1 from outbox_event))")
                .setParameter("cutoff", cutoff)
                .getSingleResult();
        return ((Number) seq).longValue();
    }

    /** Deletes up to {@code limit} published rows below {@code keepFrom}; returns how many. */
    public int deletePublishedBefore(long keepFrom, int limit) {
        return getEntityManager()
                .createNativeQuery("delete from outbox_event where seq in (select seq from outbox_event "
                        + "where seq < :keep and published_at is not null order by seq limit :n)")
                .setParameter("keep", keepFrom)
                .setParameter("n", limit)
                .executeUpdate();
    }
}
