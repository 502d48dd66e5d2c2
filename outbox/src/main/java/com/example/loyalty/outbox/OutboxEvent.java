package com.example.loyalty.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be relayed to Kafka; written in the same transaction as the change it reports. Each
 * service that publishes owns this table in a Flyway migration of its own:
 * <pre>
 * CREATE TABLE outbox_event (
 *     id UUID PRIMARY KEY, topic VARCHAR(128) NOT NULL, message_key VARCHAR(128) NOT NULL,
 *     event_type VARCHAR(64) NOT NULL, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL,
 *     seq BIGSERIAL NOT NULL UNIQUE, published_at TIMESTAMPTZ);
 * CREATE INDEX outbox_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL;
 * </pre>
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
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "published_at")
    public Instant publishedAt;
}
