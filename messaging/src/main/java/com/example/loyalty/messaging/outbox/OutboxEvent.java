package com.example.loyalty.messaging.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be relayed to Kafka, written in the same transaction as the change it reports. The table
 * ships with this module ({@code db/messaging/V0_1__outbox.sql}); a service adds {@code db/messaging} to
 * {@code quarkus.flyway.locations}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    /** Equal to the envelope's event id. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Assigned by the database; the order in which rows are relayed. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "published_at")
    public Instant publishedAt;
    /** Sends that failed with an error that counts towards parking (see {@link OutboxConfig#maxAttempts()}). */
    @Column(nullable = false)
    public int attempts;
    /** The last send failure, for the operator. */
    @Column(name = "last_error")
    public String lastError;
    /** Set when the relay gave up on the row: it stays here, out of the way, until an admin retries it. */
    @Column(name = "parked_at")
    public Instant parkedAt;
    /**
     * W3C {@code traceparent} of the span that wrote the row (the request's), null outside any trace: the relay sends
     * the row as part of that trace ({@code db/messaging/V0_3__outbox_trace_context.sql}).
     */
    @Column(updatable = false)
    public String traceparent;
    /** W3C {@code tracestate} that went with {@link #traceparent}, if any. */
    @Column(updatable = false)
    public String tracestate;
}
