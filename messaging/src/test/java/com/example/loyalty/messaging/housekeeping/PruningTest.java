package com.example.loyalty.messaging.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.messaging.probe.Probes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pruning deletes what is past its retention and nothing else. */
@QuarkusTest
class PruningTest {

    @Inject
    Pruning pruning;

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource db;

    @Test
    void publishedRowsAndProcessedIdsPastTheirRetentionAreDeletedTheRestIsKept() throws SQLException {
        // the test runs "in the future", so rows written by other tests are younger than any cutoff except ours
        Instant now = Instant.now().plus(Duration.ofDays(365));
        Instant old = now.minus(Duration.ofDays(30));
        Instant recent = now.minus(Duration.ofHours(1));
        UUID oldPublished = outboxRow(old, old.plusSeconds(1), null);
        UUID oldPublished2 = outboxRow(old, old.plusSeconds(2), null);
        UUID oldUnsent = outboxRow(old, null, null);
        UUID oldParked = outboxRow(old, null, old.plusSeconds(5));
        UUID recentPublished = outboxRow(recent, recent.plusSeconds(1), null);
        UUID oldProcessed = processed(now.minus(Duration.ofDays(20)));
        UUID recentProcessed = processed(now.minus(Duration.ofDays(2)));

        Pruning.Pruned pruned = pruning.prune(now);

        assertTrue(pruned.outboxRows() >= 2, "at least the two old published rows: " + pruned);
        assertFalse(outboxExists(oldPublished));
        assertFalse(outboxExists(oldPublished2));
        assertTrue(outboxExists(oldUnsent), "never sent: kept");
        assertTrue(outboxExists(oldParked), "parked: kept for the admin");
        assertTrue(outboxExists(recentPublished), "inside the 7-day retention");
        assertFalse(inbox.isProcessed("pruning-test", oldProcessed), "older than the 14-day retention");
        assertTrue(inbox.isProcessed("pruning-test", recentProcessed));
        assertTrue(pruned.processedEvents() >= 1);

        assertEquals(new Pruning.Pruned(0, 0), pruning.prune(now), "a second run finds nothing left");
    }

    private UUID outboxRow(Instant created, Instant published, Instant parked) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into outbox_event "
                        + "(id, topic, message_key, event_type, payload, created_at, published_at, parked_at) "
                        + "values (?, 'probe-out', 'k', 'Old', '{}', ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, Timestamp.from(created));
            ps.setTimestamp(3, published == null ? null : Timestamp.from(published));
            ps.setTimestamp(4, parked == null ? null : Timestamp.from(parked));
            ps.executeUpdate();
        }
        return id;
    }

    private UUID processed(Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into processed_event "
                        + "(consumer, event_id, event_type, processed_at) values ('pruning-test', ?, 'Old', ?)")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.executeUpdate();
        }
        return id;
    }

    private boolean outboxExists(UUID id) {
        return Probes.count(db, "select count(*) from outbox_event where id = '" + id + "'") == 1;
    }
}
