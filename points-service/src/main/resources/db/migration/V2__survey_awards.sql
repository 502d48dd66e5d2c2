-- Points for answering a survey: at most one award per member per survey wave. The primary key is the
-- idempotency key of the award, so a redelivered or replayed survey response never earns twice.
CREATE TABLE survey_award (
    member_id   UUID        NOT NULL REFERENCES member (id),
    wave_id     UUID        NOT NULL,
    survey_id   UUID        NOT NULL,
    response_id UUID        NOT NULL,
    event_id    UUID        NOT NULL,
    points      BIGINT      NOT NULL CHECK (points > 0),
    awarded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, wave_id)
);
