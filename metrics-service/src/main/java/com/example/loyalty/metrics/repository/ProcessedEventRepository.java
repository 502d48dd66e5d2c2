package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.ProcessedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /**
     * Records the event id in the current transaction. Returns false if it was already there; a concurrent
     * transaction inserting the same id makes this one wait for it and then also answers false.
     */
    public boolean markProcessed(UUID eventId, String type) {
        int inserted = getEntityManager()
                .createNativeQuery("insert into processed_event (event_id, event_type, processed_at) "
                        + "values (:id, :type, now()) on conflict (event_id) do nothing")
                .setParameter("id", eventId)
                .setParameter("type", type)
                .executeUpdate();
        return inserted == 1;
    }
}
