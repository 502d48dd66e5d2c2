-- Points for community contributions (community-activity events of community-service): one row per contribution, the
-- primary key being the contribution's id, so a redelivered or replayed event never earns twice. See
-- docs/community-points.md for the rules.
--
-- An award row (event_id set) says what the contribution was due (points_due, the fixed points of its type) and what
-- was credited (points: less, possibly 0, when the member's daily or monthly cap was reached). A revocation sets
-- revoked_at and splits the credited points into what was taken back (points_reversed) and what the balance could not
-- give back because it was already spent (shortfall). A tombstone (event_id NULL, points 0) is a revocation that came
-- before its contribution: a late award for that contribution then gives nothing.
CREATE TABLE community_award (
    contribution_id UUID         PRIMARY KEY,
    member_id       UUID         NOT NULL REFERENCES member (id),
    type            VARCHAR(32)  NOT NULL,
    event_id        UUID,
    content_id      UUID,
    occurred_at     TIMESTAMPTZ,
    -- the calendar day of occurred_at in the program's zone (points.zone): what the caps count by
    award_day       DATE,
    points_due      BIGINT       NOT NULL DEFAULT 0 CHECK (points_due >= 0),
    points          BIGINT       NOT NULL DEFAULT 0 CHECK (points >= 0 AND points <= points_due),
    awarded_at      TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    revoke_event_id UUID,
    revoke_reason   VARCHAR(500),
    points_reversed BIGINT       NOT NULL DEFAULT 0 CHECK (points_reversed >= 0),
    shortfall       BIGINT       NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
    -- an award has its event, day and time; a tombstone has none of them and is revoked
    CHECK ((event_id IS NOT NULL AND award_day IS NOT NULL AND occurred_at IS NOT NULL AND awarded_at IS NOT NULL)
        OR (event_id IS NULL AND points = 0 AND revoked_at IS NOT NULL)),
    -- a revoked award's credited points are all accounted for: taken back or short
    CHECK ((revoked_at IS NULL AND points_reversed = 0 AND shortfall = 0)
        OR (revoked_at IS NOT NULL AND points_reversed + shortfall = points))
);
-- the caps: points credited to a member on a day and in a month
CREATE INDEX community_award_member_day_idx ON community_award (member_id, award_day);
