-- Anonymous answers are not written to survey_response by the request that accepts them: that transaction writes the
-- participation (wave_participation) and one row here, and the answer mixer (AnswerMixer) later moves staged answers,
-- in shuffled batches of at least k, to survey_response in a transaction of its own, with new random ids and the day
-- as the only time, deleting them here. So nothing in survey_response (id, time, xmin, insertion or physical order)
-- and nothing in the SurveyResponded events follows the order or the transactions of the participations
-- (docs/survey-anonymity.md). Staged answers are in the database: an accepted answer is never lost.
-- No time, no sequence: a staged row says only which wave it answers and what was answered. Its id (a random UUID)
-- is not the id the answer gets in survey_response.
CREATE TABLE anonymous_answer_staging (
    id        UUID        PRIMARY KEY,
    survey_id UUID        NOT NULL REFERENCES survey (id),
    wave_id   UUID        NOT NULL REFERENCES wave (id),
    channel   VARCHAR(16) NOT NULL,
    store_id  VARCHAR(64),
    answers   JSONB       NOT NULL CHECK (jsonb_typeof(answers) = 'array')
);
CREATE INDEX anonymous_answer_staging_wave_idx ON anonymous_answer_staging (wave_id);

-- The mixer deletes what it moved; the dead row versions (which still carry the request's xmin) go at the next
-- vacuum: vacuum this small table after every few hundred deletions rather than after a fifth of it changed.
ALTER TABLE anonymous_answer_staging SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 200,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 200
);
