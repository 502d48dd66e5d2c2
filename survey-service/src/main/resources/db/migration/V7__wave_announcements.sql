-- Waves are published on the survey-waves topic (SurveyWavePublished, SurveyWaveClosed), written through the outbox
-- (WaveEvents): points-service awards survey answers only for waves it learnt from there. announced_at is when a
-- wave's SurveyWavePublished was written to the outbox: in the transaction that creates the wave from now on; the
-- waves that existed before this migration have none, and WaveEvents announces them once after the upgrade (setting
-- it under a row lock, so replicas starting together announce each wave once).
ALTER TABLE wave ADD COLUMN announced_at TIMESTAMPTZ;
CREATE INDEX wave_unannounced_idx ON wave (created_at) WHERE announced_at IS NULL;
