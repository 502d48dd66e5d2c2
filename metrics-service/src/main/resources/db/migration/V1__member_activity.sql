-- Behavioural loyalty per member, aggregated from loyalty-transactions (PointsEarned = one purchase).
-- Money as in every service: an integer amount in minor units of one ISO 4217 currency.
CREATE TABLE member_activity (
    member_id        UUID        PRIMARY KEY,
    purchase_count   BIGINT      NOT NULL DEFAULT 0 CHECK (purchase_count >= 0),
    total_spend      BIGINT      NOT NULL DEFAULT 0 CHECK (total_spend >= 0),
    currency         CHAR(3),
    points_earned    BIGINT      NOT NULL DEFAULT 0 CHECK (points_earned >= 0),
    last_purchase_at TIMESTAMPTZ,
    tier             TEXT,
    tier_as_of       TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((purchase_count = 0) = (last_purchase_at IS NULL)),
    CHECK ((purchase_count = 0) = (currency IS NULL))
);
