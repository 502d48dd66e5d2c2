-- Members as metrics-service knows them from points-service's member-events: the Keycloak subject of each member, so
-- a member's own requests (GET /api/metrics/members/me/profile) find their member id from their token.
CREATE TABLE member_directory (
    member_id  UUID         PRIMARY KEY,
    subject    VARCHAR(255) UNIQUE,
    updated_at TIMESTAMPTZ  NOT NULL
);
