-- Tier evaluation (docs/tiers.md): qualification by spend, purchase count and points, over a rolling window or a
-- calendar period; downgrades only at an evaluation and after a grace period; a manual override until a date; batch
-- re-evaluations that can be resumed.

-- Per tier: the other thresholds (0: not required) and how the thresholds combine (ANY: one is enough; ALL: every
-- threshold above 0). threshold_spend stays the spend threshold (0: not required).
ALTER TABLE tier
    ADD COLUMN min_purchases INT    NOT NULL DEFAULT 0 CHECK (min_purchases >= 0),
    ADD COLUMN min_points    BIGINT NOT NULL DEFAULT 0 CHECK (min_points >= 0),
    ADD COLUMN qualify_by    VARCHAR(3) NOT NULL DEFAULT 'ANY' CHECK (qualify_by IN ('ANY', 'ALL'));

-- Per ladder: the qualification period (ROLLING over window_months; CALENDAR_YEAR; FISCAL_YEAR from
-- fiscal_start_month) and the downgrade rules.
ALTER TABLE tier_ladder
    ADD COLUMN period_kind        VARCHAR(16) NOT NULL DEFAULT 'ROLLING'
        CHECK (period_kind IN ('ROLLING', 'CALENDAR_YEAR', 'FISCAL_YEAR')),
    ADD COLUMN fiscal_start_month INT NOT NULL DEFAULT 4 CHECK (fiscal_start_month BETWEEN 1 AND 12),
    ADD COLUMN grace_days         INT NOT NULL DEFAULT 30 CHECK (grace_days BETWEEN 0 AND 3660),
    ADD COLUMN max_steps          INT NOT NULL DEFAULT 1 CHECK (max_steps BETWEEN 1 AND 20);

-- Per member, beside window_spend (RollingSpend): the purchases and the points of the same window, net of returns;
-- window_basis names a calendar period the figures were computed for (NULL: the rolling window of window_months).
-- tier_below_since: the first evaluation at which the member no longer qualified for their tier (NULL: they do).
-- tier_override_until: an admin holds the member at tier_code until then (NULL: no override).
ALTER TABLE member
    ADD COLUMN window_purchases    INT    NOT NULL DEFAULT 0 CHECK (window_purchases >= 0),
    ADD COLUMN window_points       BIGINT NOT NULL DEFAULT 0 CHECK (window_points >= 0),
    ADD COLUMN window_basis        VARCHAR(32),
    ADD COLUMN tier_below_since    TIMESTAMPTZ,
    ADD COLUMN tier_override_until TIMESTAMPTZ;

-- Members from before: the count and points of the purchases their window_spend counts (as RollingSpend computes
-- them: purchases net of returns, history and fully returned ones left out).
SET LOCAL TIME ZONE 'UTC';
UPDATE member m
SET window_purchases = s.purchases, window_points = s.points
FROM (
    SELECT p.member_id, count(*) AS purchases, sum(p.points - p.points_reversed) AS points
    FROM purchase p JOIN member mm ON mm.id = p.member_id
    WHERE p.history = false AND p.returned_amount < p.amount
      AND p.occurred_at > now() - make_interval(months => coalesce(mm.window_months, 12))
    GROUP BY p.member_id) s
WHERE s.member_id = m.id;

-- A batch evaluation of every member: after a ladder change, on the schedule, or started by hand. It goes through the
-- members by id in small batches, each in a transaction of its own that also moves cursor and the counts, so a run
-- that stopped (a crash, a restart) goes on from its cursor; heartbeat_at tells a live run from a dead one.
CREATE TABLE tier_evaluation (
    id             UUID         PRIMARY KEY,
    trigger        VARCHAR(16)  NOT NULL CHECK (trigger IN ('LADDER_CHANGE', 'SCHEDULE', 'MANUAL')),
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'SUPERSEDED')),
    ladder_version BIGINT       NOT NULL,
    members_total  BIGINT       NOT NULL,
    members_done   BIGINT       NOT NULL DEFAULT 0,
    upgraded       BIGINT       NOT NULL DEFAULT 0,
    downgraded     BIGINT       NOT NULL DEFAULT 0,
    cursor_id      UUID,
    started_at     TIMESTAMPTZ  NOT NULL,
    started_by     VARCHAR(255) NOT NULL,
    heartbeat_at   TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    error          VARCHAR(500)
);
CREATE INDEX tier_evaluation_running_idx ON tier_evaluation (status) WHERE status = 'RUNNING';
