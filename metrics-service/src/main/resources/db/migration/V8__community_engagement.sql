-- Community engagement, the attitudinal side of loyalty that members show rather than say: one row per contribution of
-- community-service's community-activity events (kept by the community-activity consumer), so a revocation takes back
-- exactly that contribution. A member's engagement (contributions and score over the recent window, last contribution)
-- is computed when asked, from the live rows (revoked_at IS NULL).
--
-- A row with occurred_at NULL is a tombstone: the contribution's revocation came first, and the contribution, when it
-- arrives, stays revoked.
CREATE TABLE community_contribution (
    contribution_id UUID        PRIMARY KEY,
    member_id       UUID        NOT NULL,
    type            TEXT        NOT NULL,
    weight          INT         NOT NULL,
    occurred_at     TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    CHECK (occurred_at IS NOT NULL OR revoked_at IS NOT NULL)
);
-- one member's engagement (the profile)
CREATE INDEX community_contribution_member_idx ON community_contribution (member_id, occurred_at)
    WHERE revoked_at IS NULL;
-- everybody's engagement over the window (the quadrant), from the index alone
CREATE INDEX community_contribution_recent_idx ON community_contribution (occurred_at) INCLUDE (member_id, weight)
    WHERE revoked_at IS NULL;
