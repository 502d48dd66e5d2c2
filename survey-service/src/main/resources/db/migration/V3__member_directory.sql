-- Members as survey-service knows them from points-service's events (member-events, loyalty-transactions):
-- token subject -> member id and current tier. Used for wave targets (TIER, MEMBERS) and to stamp responses.
-- Rows can be created by a tier event before the MemberEnrolled event (different topics, no common order);
-- the tier is the one of the newest event seen (tier_as_of).
CREATE TABLE member_directory (
    member_id  UUID         PRIMARY KEY,
    subject    VARCHAR(255) UNIQUE,
    tier       VARCHAR(32),
    tier_as_of TIMESTAMPTZ,
    updated_at TIMESTAMPTZ  NOT NULL
);
