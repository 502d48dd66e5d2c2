package com.example.loyalty.messaging.outbox;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if and only if
 * the change it reports was committed. {@link OutboxRelay} sends them to Kafka.
 */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final Event<OutboxWritten> written;

    public OutboxWriter(OutboxRepository outbox, Event<OutboxWritten> written) {
        this.outbox = outbox;
        this.written = written;
    }

    /** An event about a member, keyed by the member id (so one member's events stay in order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, String type, int schemaVersion, String memberId, Object payload) {
        write(topic, type, schemaVersion, memberId, memberId, payload);
    }

    /**
     * An event with an explicit Kafka key, e.g. a random key for an anonymous survey answer whose envelope
     * carries no member id ({@code memberId} may then be {@code null}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, String type, int schemaVersion, String memberId, String key, Object payload) {
        EventEnvelope envelope = EventJson.envelope(type, schemaVersion, Instant.now(), memberId, payload);
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.eventId();
        row.topic = topic;
        row.messageKey = java.util.Objects.requireNonNull(key, "key");
        row.eventType = type;
        row.payload = EventJson.write(envelope);
        row.createdAt = envelope.occurredAt();
        outbox.persist(row);
        written.fire(new OutboxWritten());
    }

    /** Fired in the writing transaction; the relay observes it after commit to send without waiting for its timer. */
    public record OutboxWritten() {}
}
