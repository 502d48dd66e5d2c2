package com.example.loyalty.survey.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** {@code processed_event}: ids of the events the consumers have applied. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager em;

    public ProcessedEventRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event id in the current transaction. Returns false if it was already there; a concurrent
     * transaction inserting the same id makes this one wait for it and then also answers false.
     */
    public boolean markProcessed(UUID eventId, String type) {
        return em.createNativeQuery("insert into processed_event (event_id, event_type, processed_at) "
                        + "values (:id, :type, now()) on conflict (event_id) do nothing")
                .setParameter("id", eventId)
                .setParameter("type", type)
                .executeUpdate() == 1;
    }
}
