package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.ProcessedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Records a batch of event ids in the current transaction with one statement and answers those that were new;
     * ids already recorded (or being recorded by a concurrent transaction, which this one then waits for) are left
     * out. {@code ids} must not repeat an id; they are inserted in sorted order so concurrent batches lock alike.
     */
    public Set<UUID> markAllProcessed(List<UUID> ids, List<String> types) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> ids.get(a).compareTo(ids.get(b)));
        List<UUID> sortedIds = order.stream().map(ids::get).toList();
        List<String> sortedTypes = order.stream().map(types::get).toList();
        return Jdbc.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into processed_event (event_id, event_type, "
                    + "processed_at) select e.id, e.type, now() from unnest(?::uuid[], ?::text[]) as e(id, type) "
                    + "on conflict (event_id) do nothing returning event_id")) {
                ps.setArray(1, Jdbc.array(c, "uuid", sortedIds));
                ps.setArray(2, Jdbc.array(c, "text", sortedTypes));
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
}
