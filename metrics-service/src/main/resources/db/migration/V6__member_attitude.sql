-- What members say, per member, for the loyalty quadrant and the member profile (kept by the survey-responses
-- consumer; anonymous answers never reach these tables).

-- Attitudinal loyalty: the member's latest NPS or continued-use score (the latest answer wins, whichever of the two).
CREATE TABLE member_attitude (
    member_id     UUID        PRIMARY KEY,
    question_type TEXT        NOT NULL CHECK (question_type IN ('NPS', 'CONTINUED_USE')),
    score         INT         NOT NULL CHECK (score BETWEEN 0 AND 10),
    survey_id     UUID        NOT NULL,
    response_id   UUID        NOT NULL,
    answered_at   TIMESTAMPTZ NOT NULL
);

-- Each named response of a member, with its scored answers (JSON array of {questionId, type, score, yes, choice}),
-- newest first for the profile's "last survey answers".
CREATE TABLE member_response (
    response_id UUID        PRIMARY KEY,
    member_id   UUID        NOT NULL,
    survey_id   UUID        NOT NULL,
    wave_id     UUID,
    answered_at TIMESTAMPTZ NOT NULL,
    answers     JSONB       NOT NULL
);
CREATE INDEX member_response_member_idx ON member_response (member_id, answered_at DESC);
