package com.example.loyalty.messaging.outbox;

import com.example.loyalty.common.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The events the relay parked: listing them and putting them back in line (after the cause is fixed). */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    /** One parked event, as an operator sees it (without its payload, which may be large or personal). */
    public record Parked(
            UUID id,
            String topic,
            String key,
            String eventType,
            Instant createdAt,
            Instant parkedAt,
            int attempts,
            String lastError,
            int payloadChars) {

        static Parked of(OutboxEvent row) {
            return new Parked(
                    row.id,
                    row.topic,
                    row.messageKey,
                    row.eventType,
                    row.createdAt,
                    row.parkedAt,
                    row.attempts,
                    row.lastError,
                    row.payload.length());
        }
    }

    public record ParkedPage(List<Parked> items, int page, int size, long total) {}

    private final OutboxRepository outbox;
    private final OutboxWriter writer;

    public ParkedEvents(OutboxRepository outbox, OutboxWriter writer) {
        this.outbox = outbox;
        this.writer = writer;
    }

    @Transactional
    public ParkedPage list(int page, int size) {
        return new ParkedPage(
                outbox.parked(page, size).stream().map(Parked::of).toList(), page, size, outbox.countParked());
    }

    /** Puts one parked event back in line; 404 problem if there is no parked event with that id. */
    @Transactional
    public Parked retry(UUID id, String by) {
        OutboxEvent row = outbox.lockParked(id)
                .orElseThrow(() -> Problems.notFound(
                        "unknown-parked-event", "Not found", "there is no parked outbox event " + id));
        Parked before = Parked.of(row);
        row.parkedAt = null;
        row.attempts = 0;
        writer.nudgeAfterCommit(); // the relay tries it right after this commits
        LOG.infof("parked outbox event %s (%s to %s) put back in line by %s", id, row.eventType, row.topic, by);
        return before;
    }

    /** Puts every parked event back in line; returns how many. */
    @Transactional
    public int retryAll(String by) {
        int count = outbox.unparkAll();
        if (count > 0) {
            writer.nudgeAfterCommit();
            LOG.infof("%d parked outbox events put back in line by %s", count, by);
        }
        return count;
    }
}
