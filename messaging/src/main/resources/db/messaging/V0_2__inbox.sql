-- The inbox: ids of the events each consumer has applied, owned by the messaging module (Flyway location
-- db/messaging). A consumer inserts the event id in the same transaction as the change the event causes, so a
-- redelivered event (same id) is recognised and changes nothing. The consumer (its channel name) is part of the key:
-- two consumers of one service may both need to apply the same event. Ids older than loyalty.inbox.retention are
-- pruned; Kafka redelivers only what a consumer has not committed, which is minutes old, not weeks.
CREATE TABLE processed_event (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     UUID         NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
