-- Rewards and social contribution (docs/rewards.md): a catalogue of rewards members spend points on, coupons staff
-- fulfil or void at the till, and causes members donate points to. A reward redemption or a donation is a row of
-- redemption (the same ledger path as every redemption), carrying its reward, its coupon and its status.

-- Causes (charities, local projects) that marketers manage. The brand may match donations: matching_ratio 0.5 adds one
-- point of its own per two donated (recorded per donation, rounded down). Totals are summed on read from the
-- donations (redemption rows with cause_id), so they are exact whatever runs concurrently.
CREATE TABLE cause (
    id             UUID          PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    description    VARCHAR(2000),
    matching_ratio NUMERIC(7, 4) NOT NULL DEFAULT 0 CHECK (matching_ratio >= 0 AND matching_ratio <= 100),
    active         BOOLEAN       NOT NULL,
    valid_from     TIMESTAMPTZ,
    valid_to       TIMESTAMPTZ,
    created_at     TIMESTAMPTZ   NOT NULL,
    created_by     VARCHAR(255)  NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    updated_by     VARCHAR(255)  NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from)
);

-- The catalogue. stock is what is left to redeem (NULL: unlimited); a redemption takes one with a conditional UPDATE
-- (stock > 0), a voided coupon gives it back. eligible_tiers empty: every tier. A DONATION reward belongs to a cause;
-- each cause has one open_amount DONATION reward behind it (any number of points from points_price up), through which
-- POST /causes/{id}/donations donates.
CREATE TABLE reward (
    id               UUID          PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000),
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('PRODUCT', 'COUPON', 'PRIZE', 'EXPERIENCE', 'DONATION')),
    points_price     BIGINT        NOT NULL CHECK (points_price > 0),
    stock            BIGINT        CHECK (stock >= 0),
    eligible_tiers   VARCHAR(32)[] NOT NULL DEFAULT '{}',
    valid_from       TIMESTAMPTZ,
    valid_to         TIMESTAMPTZ,
    per_member_limit INT           CHECK (per_member_limit > 0),
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    cause_id         UUID          REFERENCES cause (id),
    open_amount      BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ   NOT NULL,
    created_by       VARCHAR(255)  NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    updated_by       VARCHAR(255)  NOT NULL,
    retired_at       TIMESTAMPTZ,
    CHECK ((kind = 'DONATION') = (cause_id IS NOT NULL)),
    CHECK (NOT open_amount OR kind = 'DONATION'),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX reward_cause_open_key ON reward (cause_id) WHERE open_amount;
CREATE INDEX reward_status_idx ON reward (status, created_at);

-- A redemption of a reward: its reward (NULL: a free-form redemption, as before), the coupon staff scan (unique,
-- unguessable; NULL for donations), its status, the cause and the brand's matched points of a donation, and who
-- fulfilled it. A voided coupon is a cancelled redemption (cancelled_at, cancelled_by) with status VOIDED.
ALTER TABLE redemption
    ADD COLUMN reward_id      UUID REFERENCES reward (id),
    ADD COLUMN cause_id       UUID REFERENCES cause (id),
    ADD COLUMN coupon_code    VARCHAR(16),
    ADD COLUMN status         VARCHAR(16) CHECK (status IN ('ISSUED', 'FULFILLED', 'VOIDED', 'DONATED')),
    ADD COLUMN matched_points BIGINT CHECK (matched_points >= 0),
    ADD COLUMN fulfilled_at   TIMESTAMPTZ,
    ADD COLUMN fulfilled_by   VARCHAR(255),
    ADD CONSTRAINT redemption_reward_has_status CHECK ((reward_id IS NULL) = (status IS NULL)),
    ADD CONSTRAINT redemption_donation_has_cause CHECK ((status = 'DONATED') = (cause_id IS NOT NULL));
CREATE UNIQUE INDEX redemption_coupon_code_key ON redemption (coupon_code);
CREATE INDEX redemption_reward_member_idx ON redemption (reward_id, member_id) WHERE reward_id IS NOT NULL;
CREATE INDEX redemption_cause_idx ON redemption (cause_id) WHERE cause_id IS NOT NULL;
CREATE INDEX redemption_member_rewards_idx ON redemption (member_id, created_at DESC) WHERE reward_id IS NOT NULL;
