-- Survey aggregates, kept up to date by the survey-responses consumer. A metric request sums cells of these
-- tables (one row per survey, dimension, day, question and dimension value), never the responses themselves, so it
-- answers in milliseconds however many responses there are. Days are calendar days in metrics.surveys.zone.

-- The questions of each survey as learnt from its responses; a survey without rows here is unknown (404).
CREATE TABLE survey_question (
    survey_id     UUID        NOT NULL,
    question_id   TEXT        NOT NULL,
    type          TEXT        NOT NULL CHECK (type IN ('NPS', 'CONTINUED_USE', 'NRS', 'CSI', 'CES', 'CES_BINARY',
                                                       'DWB', 'TEXT', 'CHOICE')),
    dimension     TEXT,
    position      INT         NOT NULL CHECK (position >= 0),
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, question_id)
);

-- One cell: the answers to one question on one day under one dimension value. dim_kind ALL has the single value ''
-- and holds every answer; TIER, STORE, CHANNEL and WAVE each hold every answer once more, under its value (UNKNOWN
-- when the answer carried none), so the groups of a dimension add up to ALL.
-- n answers; total and total_sq are the sum and sum of squares of the scores (means and their standard error);
-- cS counts the answers with score S on the 0-10 and 1-5 scales (NPS, CONTINUED_USE, CES, NRS, DWB); c_yes/c_no
-- count CES_BINARY answers. TEXT and CHOICE rows only count n (options: survey_choice_daily).
CREATE TABLE survey_answer_daily (
    survey_id   UUID   NOT NULL,
    dim_kind    TEXT   NOT NULL CHECK (dim_kind IN ('ALL', 'TIER', 'STORE', 'CHANNEL', 'WAVE')),
    day         DATE   NOT NULL,
    question_id TEXT   NOT NULL,
    dim_value   TEXT   NOT NULL,
    n           BIGINT NOT NULL CHECK (n >= 0),
    total       BIGINT NOT NULL,
    total_sq    BIGINT NOT NULL,
    c0          BIGINT NOT NULL DEFAULT 0,
    c1          BIGINT NOT NULL DEFAULT 0,
    c2          BIGINT NOT NULL DEFAULT 0,
    c3          BIGINT NOT NULL DEFAULT 0,
    c4          BIGINT NOT NULL DEFAULT 0,
    c5          BIGINT NOT NULL DEFAULT 0,
    c6          BIGINT NOT NULL DEFAULT 0,
    c7          BIGINT NOT NULL DEFAULT 0,
    c8          BIGINT NOT NULL DEFAULT 0,
    c9          BIGINT NOT NULL DEFAULT 0,
    c10         BIGINT NOT NULL DEFAULT 0,
    c_yes       BIGINT NOT NULL DEFAULT 0,
    c_no        BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (survey_id, dim_kind, day, question_id, dim_value)
);

-- Answers per option of CHOICE questions, by the same cells.
CREATE TABLE survey_choice_daily (
    survey_id   UUID   NOT NULL,
    dim_kind    TEXT   NOT NULL CHECK (dim_kind IN ('ALL', 'TIER', 'STORE', 'CHANNEL', 'WAVE')),
    day         DATE   NOT NULL,
    question_id TEXT   NOT NULL,
    dim_value   TEXT   NOT NULL,
    choice      TEXT   NOT NULL,
    n           BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (survey_id, dim_kind, day, question_id, dim_value, choice)
);

-- The follow-up queue: one item per unhappy answer (detractor, at risk, high effort), at most one per response and
-- question. member_id and subject (the respondent's Keycloak subject) are null for anonymous answers; member_id is
-- also null for a member survey-service could not map to a member id yet.
CREATE TABLE follow_up (
    id            UUID        PRIMARY KEY,
    seq           BIGSERIAL   NOT NULL UNIQUE,
    response_id   UUID        NOT NULL,
    survey_id     UUID        NOT NULL,
    wave_id       UUID,
    question_id   TEXT        NOT NULL,
    question_type TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('DETRACTOR', 'AT_RISK', 'HIGH_EFFORT')),
    score         INT,
    member_id     UUID,
    subject       TEXT,
    store_id      TEXT,
    channel       TEXT,
    tier          TEXT,
    reason        TEXT,
    status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'CONTACTED', 'RESOLVED')),
    note          TEXT,
    assignee      TEXT,
    answered_at   TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    contacted_at  TIMESTAMPTZ,
    resolved_at   TIMESTAMPTZ,
    UNIQUE (response_id, question_id)
);
-- the queue is read newest first, usually by status, survey or store
CREATE INDEX follow_up_status_idx ON follow_up (status, created_at DESC, seq DESC);
CREATE INDEX follow_up_survey_idx ON follow_up (survey_id, created_at DESC, seq DESC);
CREATE INDEX follow_up_store_idx ON follow_up (store_id, created_at DESC, seq DESC);
