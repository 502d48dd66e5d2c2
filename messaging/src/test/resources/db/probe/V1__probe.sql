-- What the probe consumer's handler does for each event: one row per application, without a unique key, so a
-- double application would show as two rows.
CREATE TABLE probe_effect (
    event_id   UUID        NOT NULL,
    n          INT         NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
