-- The qualifying spend of each member over the ladder's rolling window, kept running on the member row instead of
-- summed over every purchase in the window on every purchase and look-up (see RollingSpend): window_spend is the sum
-- for the window of window_months months, valid until spend_expires_at, when the oldest purchase it counts leaves the
-- window (NULL: it counts none). A window_months that differs from the ladder's means "recompute".
ALTER TABLE member
    ADD COLUMN window_spend     BIGINT      NOT NULL DEFAULT 0 CHECK (window_spend >= 0),
    ADD COLUMN window_months    INT,
    ADD COLUMN spend_expires_at TIMESTAMPTZ;

-- Members from before: their running figure from their purchases, as RollingSpend computes it (month arithmetic in UTC,
-- as the service does it).
SET LOCAL TIME ZONE 'UTC';
UPDATE member m
SET window_months = l.window_months,
    window_spend = coalesce((
        select sum(p.amount) from purchase p
        where p.member_id = m.id and p.occurred_at > now() - make_interval(months => l.window_months)), 0),
    spend_expires_at = (
        select min(p.occurred_at) + make_interval(months => l.window_months) from purchase p
        where p.member_id = m.id and p.occurred_at > now() - make_interval(months => l.window_months))
FROM tier_ladder l;
