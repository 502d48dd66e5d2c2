package com.example.loyalty.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The oldest unpublished events, locked so that a second relay (another replica) skips them
     * instead of sending them twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockNextBatch(int size) {
        return getEntityManager()
                .createNativeQuery("select * from outbox_event where published_at is null order by seq limit :n "
                        + "for update skip locked", OutboxEvent.class)
                .setParameter("n", size)
                .getResultList();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }
}
