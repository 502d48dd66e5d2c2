-- Baseline of survey-service. Survey definitions, waves and responses follow in later migrations.

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka.
-- Same shape as points-service's outbox_event.
CREATE TABLE outbox_event (
    id           UUID         PRIMARY KEY,
    topic        VARCHAR(128) NOT NULL,
    message_key  VARCHAR(128) NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    seq          BIGSERIAL    NOT NULL UNIQUE,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL;
