-- Survey awards only for waves survey-service published (docs/action-points.md, "Survey answered").

-- The waves survey-service published on the survey-waves topic (SurveyWavePublished, SurveyWaveClosed): an answer
-- earns only if its wave is here, of its survey, and it was accepted inside the window [opens_at, end), where end is
-- closed_at when the wave was closed early, else closes_at.
CREATE TABLE survey_wave (
    wave_id    UUID        PRIMARY KEY,
    survey_id  UUID        NOT NULL,
    opens_at   TIMESTAMPTZ NOT NULL,
    closes_at  TIMESTAMPTZ NOT NULL,
    closed_at  TIMESTAMPTZ,
    learnt_at  TIMESTAMPTZ NOT NULL,
    CHECK (closes_at > opens_at)
);

-- Answers whose wave is not known yet (survey-responses and survey-waves are not ordered relative to each other):
-- held until the wave arrives, then awarded (or not) as if they had arrived after it. Only what the award needs, no
-- answers (member_id: the event's member id when it is a UUID, so the member's data export lists the row). Rows older than points.survey-award.hold-for (7 days) are pruned: their wave was never published, so they
-- earn nothing.
CREATE TABLE survey_response_held (
    event_id    UUID         PRIMARY KEY,
    response_id UUID         NOT NULL,
    survey_id   UUID         NOT NULL,
    wave_id     UUID         NOT NULL,
    member_id   UUID,
    subject     VARCHAR(255),
    answered_at TIMESTAMPTZ  NOT NULL,
    held_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX survey_response_held_wave_idx ON survey_response_held (wave_id);
CREATE INDEX survey_response_held_at_idx ON survey_response_held (held_at);

-- The cap per member per survey per period (points.survey-award.per-survey-period) looks at when the awarded answers
-- were given; rows from before this migration take the time they were awarded.
ALTER TABLE survey_award ADD COLUMN answered_at TIMESTAMPTZ;
UPDATE survey_award SET answered_at = awarded_at;
ALTER TABLE survey_award ALTER COLUMN answered_at SET NOT NULL;
CREATE INDEX survey_award_member_survey_idx ON survey_award (member_id, survey_id, answered_at);
