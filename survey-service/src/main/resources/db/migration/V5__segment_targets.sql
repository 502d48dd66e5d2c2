-- Waves may target RFM segments (SEGMENT) or loyalty quadrants (QUADRANT) by name, as the member directory holds them.
ALTER TABLE wave DROP CONSTRAINT wave_target_type_check;
ALTER TABLE wave
    ADD COLUMN target_segments  JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(target_segments) = 'array'),
    ADD COLUMN target_quadrants JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(target_quadrants) = 'array'),
    ADD CONSTRAINT wave_target_type_check
        CHECK (target_type IN ('ALL', 'TIER', 'MEMBERS', 'SEGMENT', 'QUADRANT'));
