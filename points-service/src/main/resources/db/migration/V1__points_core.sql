-- Rank tiers: one ladder, ordered by rank; the rolling window is a property of the ladder.
CREATE TABLE tier (
    code            VARCHAR(32)   PRIMARY KEY,
    name            VARCHAR(64)   NOT NULL,
    rank            INT           NOT NULL,
    threshold_spend BIGINT        NOT NULL CHECK (threshold_spend >= 0),
    multiplier      NUMERIC(6, 3) NOT NULL CHECK (multiplier > 0)
);

CREATE TABLE tier_ladder (
    id             INT         PRIMARY KEY CHECK (id = 1),
    window_months  INT         NOT NULL CHECK (window_months BETWEEN 1 AND 60),
    version        BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     VARCHAR(255)
);

INSERT INTO tier (code, name, rank, threshold_spend, multiplier) VALUES
    ('REGULAR',  'Regular',  0,      0, 1.000),
    ('SILVER',   'Silver',   1,  30000, 1.250),
    ('GOLD',     'Gold',     2, 100000, 1.500),
    ('PLATINUM', 'Platinum', 3, 300000, 2.000);
INSERT INTO tier_ladder (id, window_months, version, updated_at) VALUES (1, 12, 1, now());

-- A member is tied to the token subject of their Keycloak user.
CREATE TABLE member (
    id           UUID         PRIMARY KEY,
    subject      VARCHAR(255) NOT NULL UNIQUE,
    card_code    VARCHAR(32)  NOT NULL UNIQUE,
    display_name VARCHAR(255),
    email        VARCHAR(320),
    phone        VARCHAR(32),
    tier_code    VARCHAR(32)  NOT NULL REFERENCES tier (code),
    balance      BIGINT       NOT NULL CHECK (balance >= 0),
    enrolled_at  TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX member_email_idx ON member (lower(email));
CREATE INDEX member_phone_idx ON member (phone);

-- Purchases: the till's transaction id is the idempotency key, unique across the program.
CREATE TABLE purchase (
    id             UUID          PRIMARY KEY,
    transaction_id VARCHAR(128)  NOT NULL UNIQUE,
    member_id      UUID          NOT NULL REFERENCES member (id),
    amount         BIGINT        NOT NULL CHECK (amount > 0),
    currency       CHAR(3)       NOT NULL,
    store_id       VARCHAR(64)   NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    occurred_at    TIMESTAMPTZ   NOT NULL,
    points         BIGINT        NOT NULL CHECK (points >= 0),
    multiplier     NUMERIC(6, 3) NOT NULL,
    tier_code      VARCHAR(32)   NOT NULL,
    balance_after  BIGINT        NOT NULL,
    tier_after     VARCHAR(32)   NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    recorded_by    VARCHAR(255)  NOT NULL
);
CREATE INDEX purchase_member_time_idx ON purchase (member_id, occurred_at);

-- Redemptions: idempotency key is unique per member.
CREATE TABLE redemption (
    id              UUID         PRIMARY KEY,
    member_id       UUID         NOT NULL REFERENCES member (id),
    idempotency_key VARCHAR(128) NOT NULL,
    points          BIGINT       NOT NULL CHECK (points > 0),
    reason          VARCHAR(500) NOT NULL,
    balance_after   BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(255) NOT NULL,
    UNIQUE (member_id, idempotency_key)
);

-- The ledger: append-only; a member's balance always equals the sum of their entries.
CREATE TABLE ledger_entry (
    id             UUID         PRIMARY KEY,
    member_id      UUID         NOT NULL REFERENCES member (id),
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('EARN', 'REDEEM', 'EXPIRE', 'ADJUST', 'REVERSE')),
    points         BIGINT       NOT NULL CHECK (points <> 0),
    balance_after  BIGINT       NOT NULL CHECK (balance_after >= 0),
    reference_type VARCHAR(32)  NOT NULL,
    reference_id   VARCHAR(128) NOT NULL,
    reason         VARCHAR(500),
    created_at     TIMESTAMPTZ  NOT NULL,
    seq            BIGSERIAL    NOT NULL UNIQUE
);
CREATE INDEX ledger_member_seq_idx ON ledger_entry (member_id, seq DESC);

CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
