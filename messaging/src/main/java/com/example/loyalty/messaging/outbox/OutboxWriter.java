package com.example.loyalty.messaging.outbox;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.observability.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if and only if
 * the change it reports was committed. {@link OutboxRelay} sends them to Kafka. Each row keeps the trace context of
 * the span current at the write (the request's, or the consumed event's), so that the relay, on its own thread later,
 * sends the event as part of the same trace.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Marks a transaction whose commit is already set to nudge the relay. */
    private static final Object NUDGE = new Object();

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public OutboxWriter(OutboxRepository outbox, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * An event about a member, keyed by the member id (so one member's events stay in order).
     *
     * @return the event id
     */
    public java.util.UUID write(String topic, String type, int schemaVersion, String memberId, Object payload) {
        return write(topic, type, schemaVersion, memberId, memberId, payload);
    }

    /**
     * An event with an explicit Kafka key, e.g. a random key for an anonymous survey answer whose envelope
     * carries no member id ({@code memberId} may then be {@code null}). Must be called in a transaction.
     *
     * @return the event id
     */
    public java.util.UUID write(
            String topic, String type, int schemaVersion, String memberId, String key, Object payload) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an outbox event is written in the transaction of the change it reports");
        }
        EventEnvelope envelope = EventJson.envelope(type, schemaVersion, Instant.now(), memberId, payload);
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.eventId();
        row.topic = topic;
        row.messageKey = java.util.Objects.requireNonNull(key, "key");
        row.eventType = type;
        row.payload = EventJson.write(envelope);
        row.createdAt = envelope.occurredAt();
        TraceContexts.current().ifPresent(trace -> {
            row.traceparent = trace.traceparent();
            row.tracestate = trace.tracestate();
        });
        outbox.persist(row);
        nudgeAfterCommit();
        return row.id;
    }

    /**
     * Asks the relay to run right after the current transaction commits, so the events it wrote do not wait for the
     * relay's timer. Registered once per transaction, however many events it writes.
     */
    public void nudgeAfterCommit() {
        if (transactions.getResource(NUDGE) != null) {
            return;
        }
        transactions.putResource(NUDGE, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.nudge();
                }
            }
        });
    }
}
