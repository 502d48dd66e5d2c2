package com.example.loyalty.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The processed-event table ({@code processed_event}, shipped in {@code db/messaging}): a consumer records each
 * event id in the same transaction as the change the event causes, so a redelivery changes nothing. Used through
 * {@link com.example.loyalty.messaging.consumer.EventConsumer}; batch consumers call {@link #markAllProcessed}.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event for the consumer in the current transaction. Returns false if it was recorded before; a
     * concurrent transaction recording the same id makes this one wait for it and then also answers false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, UUID eventId, String type) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id, event_type) "
                                + "values (:consumer, :id, :type) on conflict (consumer, event_id) do nothing")
                        .setParameter("consumer", consumer)
                        .setParameter("id", eventId)
                        .setParameter("type", type)
                        .executeUpdate()
                == 1;
    }

    /**
     * Records a batch of event ids for the consumer with one statement and answers those that were new; ids recorded
     * before (or being recorded by a concurrent transaction, which this one then waits for) are left out. {@code ids}
     * must not repeat an id; they are inserted in sorted order so that concurrent batches lock alike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markAllProcessed(String consumer, List<UUID> ids, List<String> types) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Integer> order = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> ids.get(a).compareTo(ids.get(b)));
        UUID[] sortedIds = order.stream().map(ids::get).toArray(UUID[]::new);
        String[] sortedTypes = order.stream().map(types::get).toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into processed_event (consumer, event_id, "
                    + "event_type) select ?, e.id, e.type from unnest(?::uuid[], ?::text[]) as e(id, type) "
                    + "on conflict (consumer, event_id) do nothing returning event_id")) {
                ps.setString(1, consumer);
                ps.setArray(2, c.createArrayOf("uuid", sortedIds));
                ps.setArray(3, c.createArrayOf("text", sortedTypes));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }

    /** Whether the consumer has recorded the event (for tests and diagnostics). */
    @Transactional
    public boolean isProcessed(String consumer, UUID eventId) {
        return !em.createNativeQuery("select 1 from processed_event where consumer = :consumer and event_id = :id")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .getResultList()
                .isEmpty();
    }

    /** Deletes up to {@code limit} ids processed before {@code cutoff}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteProcessedBefore(Instant cutoff, int limit) {
        return em.createNativeQuery("delete from processed_event where ctid in (select ctid from processed_event "
                        + "where processed_at < :cutoff limit :n)")
                .setParameter("cutoff", cutoff)
                .setParameter("n", limit)
                .executeUpdate();
    }
}
