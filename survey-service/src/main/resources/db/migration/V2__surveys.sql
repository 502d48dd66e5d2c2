-- Survey definitions, waves and responses.

-- A survey definition. Localized texts are JSON objects keyed by language ({"en": "...", "ja": "..."});
-- the questions are one JSON array (id, type, dimension, text, required, options) because they are only
-- ever read and replaced as a whole, and cannot change once the survey is published.
CREATE TABLE survey (
    id           UUID         PRIMARY KEY,
    title        JSONB        NOT NULL,
    anonymous    BOOLEAN      NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    questions    JSONB        NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ,
    closed_at    TIMESTAMPTZ,
    version      BIGINT       NOT NULL DEFAULT 0,
    CHECK ((status = 'DRAFT') = (published_at IS NULL)),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX survey_status_created_idx ON survey (status, created_at DESC);
CREATE INDEX survey_created_idx ON survey (created_at DESC);

-- A wave: one answer window of a survey (e.g. a quarter) with its target. A wave is open while
-- opens_at <= now < closes_at and it has not been closed early (closed_at).
CREATE TABLE wave (
    id           UUID         PRIMARY KEY,
    survey_id    UUID         NOT NULL REFERENCES survey (id),
    name         VARCHAR(200) NOT NULL,
    opens_at     TIMESTAMPTZ  NOT NULL,
    closes_at    TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ,
    target_type  VARCHAR(16)  NOT NULL CHECK (target_type IN ('ALL', 'TIER', 'MEMBERS')),
    target_tiers JSONB        NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(target_tiers) = 'array'),
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    CHECK (closes_at > opens_at)
);
CREATE INDEX wave_survey_idx ON wave (survey_id, opens_at);
CREATE INDEX wave_open_idx ON wave (closes_at, opens_at) WHERE closed_at IS NULL;

-- The member ids of a wave whose target is MEMBERS.
CREATE TABLE wave_member (
    wave_id   UUID NOT NULL REFERENCES wave (id),
    member_id UUID NOT NULL,
    PRIMARY KEY (wave_id, member_id)
);

-- One accepted response. Named responses carry the respondent's token subject (and the member id and
-- tier when the member directory knows them); one per subject per wave. Anonymous responses carry no
-- identity at all: their one-per-wave rule lives in wave_participation, which is not linked to them.
CREATE TABLE survey_response (
    id          UUID         PRIMARY KEY,
    survey_id   UUID         NOT NULL REFERENCES survey (id),
    wave_id     UUID         NOT NULL REFERENCES wave (id),
    anonymous   BOOLEAN      NOT NULL,
    subject     VARCHAR(255),
    member_id   UUID,
    tier        VARCHAR(32),
    channel     VARCHAR(16)  NOT NULL,
    store_id    VARCHAR(64),
    answers     JSONB        NOT NULL CHECK (jsonb_typeof(answers) = 'array'),
    answered_at TIMESTAMPTZ  NOT NULL,
    CHECK (anonymous = (subject IS NULL)),
    CHECK (NOT anonymous OR (member_id IS NULL AND tier IS NULL)),
    CONSTRAINT survey_response_one_per_member UNIQUE (wave_id, subject)
);
CREATE INDEX survey_response_survey_idx ON survey_response (survey_id, answered_at);

-- Who took part in an anonymous wave: a keyed hash (HMAC-SHA-256) of the subject, no time, no link to
-- the response. The primary key is the one-answer-per-member rule of anonymous waves.
CREATE TABLE wave_participation (
    wave_id      UUID        NOT NULL REFERENCES wave (id),
    subject_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (wave_id, subject_hash)
);
