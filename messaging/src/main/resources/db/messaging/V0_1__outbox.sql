-- Transactional outbox, owned by the messaging module and shipped in its jar (Flyway location db/messaging).
-- A service writes an event here in the same transaction as the change it reports; OutboxRelay sends it to Kafka
-- and marks it published. A row Kafka refuses for good (too large, unknown topic) is parked with its reason and
-- no longer blocks the rows behind it; an admin can put it back in line. Published rows are pruned after a
-- retention period (loyalty.outbox.retention).
-- Versions 0.x belong to this module and sort before every service's own migrations (V1 onwards).
CREATE TABLE outbox_event (
    id           UUID          PRIMARY KEY,
    topic        VARCHAR(128)  NOT NULL,
    message_key  VARCHAR(128)  NOT NULL,
    event_type   VARCHAR(64)   NOT NULL,
    payload      TEXT          NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    seq          BIGSERIAL     NOT NULL UNIQUE,
    published_at TIMESTAMPTZ,
    attempts     INT           NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   VARCHAR(1000),
    parked_at    TIMESTAMPTZ,
    CHECK (published_at IS NULL OR parked_at IS NULL)
);
-- what the relay sends next, oldest first
CREATE INDEX outbox_pending_idx ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;
-- what an operator looks at
CREATE INDEX outbox_parked_idx ON outbox_event (seq) WHERE parked_at IS NOT NULL;
