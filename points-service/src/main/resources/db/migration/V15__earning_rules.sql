-- Earning rules and campaigns (docs/earning-rules.md): the rules a purchase earns by, versioned. A rule is a kind and a
-- name; what it does lives in its versions. A version is in force from effective_from until effective_to (null: until
-- a later change), and inside its window [valid_from, valid_to). A change (edit, pause, resume, end) never rewrites a
-- version: it sets the end of the one in force (to the moment of the change, never earlier) and adds the next. A
-- purchase earns by the versions in force at its occurred_at and records them (purchase_rule).
CREATE TABLE earning_rule (
    id         UUID         PRIMARY KEY,
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('BASE_RATE', 'CHANNEL', 'CATEGORY', 'SKU', 'CAMPAIGN')),
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    created_by VARCHAR(255) NOT NULL
);
CREATE INDEX earning_rule_created_idx ON earning_rule (created_at DESC);

CREATE TABLE earning_rule_version (
    id                        UUID          PRIMARY KEY,
    rule_id                   UUID          NOT NULL REFERENCES earning_rule (id),
    version                   INT           NOT NULL CHECK (version > 0),
    state                     VARCHAR(8)    NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED', 'ENDED')),
    effective_from            TIMESTAMPTZ   NOT NULL,
    effective_to              TIMESTAMPTZ,
    valid_from                TIMESTAMPTZ   NOT NULL,
    valid_to                  TIMESTAMPTZ,
    name                      VARCHAR(200)  NOT NULL,
    currency                  VARCHAR(3),
    rate                      INT           CHECK (rate IS NULL OR rate > 0),
    channel                   VARCHAR(16),
    category                  VARCHAR(64),
    sku                       VARCHAR(64),
    multiplier                NUMERIC(6, 3) CHECK (multiplier IS NULL OR (multiplier > 0 AND multiplier <= 10)),
    bonus_points              BIGINT        CHECK (bonus_points IS NULL OR bonus_points >= 0),
    -- tier codes, comma-separated; null: every tier
    audience_tiers            VARCHAR(700),
    audience_segment          VARCHAR(32),
    max_points_per_purchase   BIGINT        CHECK (max_points_per_purchase IS NULL OR max_points_per_purchase > 0),
    max_points_per_member_day BIGINT        CHECK (max_points_per_member_day IS NULL OR max_points_per_member_day > 0),
    created_at                TIMESTAMPTZ   NOT NULL,
    created_by                VARCHAR(255)  NOT NULL,
    UNIQUE (rule_id, version),
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
-- the till's cache loads the versions still in force or recently so
CREATE INDEX earning_rule_version_live_idx ON earning_rule_version (effective_to);

-- A version never changes once written, except when it stops being in force (effective_to); nothing is deleted.
CREATE FUNCTION earning_rule_version_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'earning rule versions are never deleted';
    END IF;
    IF (NEW.id, NEW.rule_id, NEW.version, NEW.state, NEW.effective_from, NEW.valid_from, NEW.valid_to, NEW.name,
        NEW.currency, NEW.rate, NEW.channel, NEW.category, NEW.sku, NEW.multiplier, NEW.bonus_points,
        NEW.audience_tiers, NEW.audience_segment, NEW.max_points_per_purchase, NEW.max_points_per_member_day,
        NEW.created_at, NEW.created_by)
       IS DISTINCT FROM
       (OLD.id, OLD.rule_id, OLD.version, OLD.state, OLD.effective_from, OLD.valid_from, OLD.valid_to, OLD.name,
        OLD.currency, OLD.rate, OLD.channel, OLD.category, OLD.sku, OLD.multiplier, OLD.bonus_points,
        OLD.audience_tiers, OLD.audience_segment, OLD.max_points_per_purchase, OLD.max_points_per_member_day,
        OLD.created_at, OLD.created_by) THEN
        RAISE EXCEPTION 'an earning rule version is immutable: only when it stops being in force may change';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER earning_rule_version_immutable BEFORE UPDATE OR DELETE ON earning_rule_version
    FOR EACH ROW EXECUTE FUNCTION earning_rule_version_immutable();

-- Tells every points-service instance at commit that the rules changed (EarningRuleCache drops its copy).
CREATE FUNCTION earning_rules_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('earning_rules_changed', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER earning_rules_changed AFTER INSERT OR UPDATE OR DELETE ON earning_rule_version
    FOR EACH STATEMENT EXECUTE FUNCTION earning_rules_notify();

-- The rule versions a purchase earned by, with the points each added (exact, before the one rounding down).
CREATE TABLE purchase_rule (
    purchase_id UUID          NOT NULL REFERENCES purchase (id),
    rule_id     UUID          NOT NULL,
    version     INT           NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    points      NUMERIC(20, 6) NOT NULL,
    PRIMARY KEY (purchase_id, rule_id),
    FOREIGN KEY (rule_id, version) REFERENCES earning_rule_version (rule_id, version)
);
CREATE INDEX purchase_rule_rule_idx ON purchase_rule (rule_id, version);

-- The line items a purchase carried (optional): they earn by category and SKU rules.
CREATE TABLE purchase_item (
    purchase_id UUID        NOT NULL REFERENCES purchase (id),
    line        INT         NOT NULL,
    sku         VARCHAR(64) NOT NULL,
    category    VARCHAR(64),
    amount      BIGINT      NOT NULL CHECK (amount > 0),
    quantity    INT         NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (purchase_id, line)
);
