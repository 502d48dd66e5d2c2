-- Paid membership and the information program (docs/programs-membership-and-opt-ins.md).

-- The fee-based tiers marketers define. A plan is never deleted (memberships and their periods name it); retired_at
-- set: no new membership may start on it, running ones renew on it until they end.
CREATE TABLE membership_plan (
    id         UUID          PRIMARY KEY,
    code       VARCHAR(32)   NOT NULL,
    name       VARCHAR(100)  NOT NULL,
    price      BIGINT        NOT NULL CHECK (price > 0),
    currency   CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    period     VARCHAR(8)    NOT NULL CHECK (period IN ('MONTH', 'YEAR')),
    multiplier NUMERIC(6, 3) NOT NULL CHECK (multiplier > 0 AND multiplier <= 10),
    perks      JSONB         NOT NULL DEFAULT '[]',
    retired_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ   NOT NULL,
    created_by VARCHAR(255)  NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL,
    updated_by VARCHAR(255)  NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX membership_plan_code_key ON membership_plan (upper(code));

-- A member's paid membership, one row per member: its current plan and paid period. The status is computed from
-- current_period_end when read (LAPSED from that instant on, CANCELLED before it when cancelled_at is set), so it is
-- exact at once; ended_at is set by the lapse job when it has announced the end (MembershipChanged LAPSED), once.
-- started_at is the start of the current unbroken membership (a restart after a lapse sets it anew).
CREATE TABLE paid_membership (
    member_id            UUID         PRIMARY KEY REFERENCES member (id),
    plan_id              UUID         NOT NULL REFERENCES membership_plan (id),
    started_at           TIMESTAMPTZ  NOT NULL,
    current_period_start TIMESTAMPTZ  NOT NULL,
    current_period_end   TIMESTAMPTZ  NOT NULL,
    cancelled_at         TIMESTAMPTZ,
    cancel_reason        VARCHAR(500),
    ended_at             TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CHECK (current_period_end > current_period_start)
);
-- the lapse job's look-up: memberships whose end is not announced yet, by period end
CREATE INDEX paid_membership_due_idx ON paid_membership (current_period_end) WHERE ended_at IS NULL;

-- Every paid period, one per payment (the payment id makes a retried start or renewal a replay), with the plan and
-- the multiplier it was paid at: what a purchase at a given time earns by (PaidMemberships.activeAt) never changes
-- afterwards, whatever happens to the plan.
CREATE TABLE membership_period (
    id           UUID          PRIMARY KEY,
    member_id    UUID          NOT NULL REFERENCES member (id),
    plan_id      UUID          NOT NULL REFERENCES membership_plan (id),
    payment_id   VARCHAR(128)  NOT NULL,
    kind         VARCHAR(8)    NOT NULL CHECK (kind IN ('START', 'RENEW')),
    multiplier   NUMERIC(6, 3) NOT NULL,
    period_start TIMESTAMPTZ   NOT NULL,
    period_end   TIMESTAMPTZ   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    recorded_by  VARCHAR(255)  NOT NULL,
    CHECK (period_end > period_start)
);
CREATE UNIQUE INDEX membership_period_payment_key ON membership_period (payment_id);
CREATE INDEX membership_period_member_idx ON membership_period (member_id, period_start);

-- The payment provider's webhook events applied (or seen), by event id: a replayed delivery changes nothing.
CREATE TABLE membership_webhook_event (
    event_id    VARCHAR(128) PRIMARY KEY,
    event_type  VARCHAR(32)  NOT NULL,
    member_id   UUID,
    received_at TIMESTAMPTZ  NOT NULL
);

-- Opt-ins of the information program: the member's current consent per channel, with when and how it was given or
-- withdrawn (the time only moves when the flag changes). No row: nothing consented to.
CREATE TABLE member_opt_in (
    member_id         UUID        PRIMARY KEY REFERENCES member (id),
    newsletter        BOOLEAN     NOT NULL DEFAULT false,
    newsletter_at     TIMESTAMPTZ,
    newsletter_source VARCHAR(16),
    email             BOOLEAN     NOT NULL DEFAULT false,
    email_at          TIMESTAMPTZ,
    email_source      VARCHAR(16),
    push              BOOLEAN     NOT NULL DEFAULT false,
    push_at           TIMESTAMPTZ,
    push_source       VARCHAR(16),
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_opt_in_newsletter_idx ON member_opt_in (member_id) WHERE newsletter;
CREATE INDEX member_opt_in_email_idx ON member_opt_in (member_id) WHERE email;
CREATE INDEX member_opt_in_push_idx ON member_opt_in (member_id) WHERE push;

-- The proof: every change of a consent, who made it (the member's login, staff's, 'import'), when, from where.
-- Append-only by convention (nothing updates it but an erasure, which replaces the member's own login by 'erased').
CREATE TABLE opt_in_change (
    id         UUID         PRIMARY KEY,
    member_id  UUID         NOT NULL REFERENCES member (id),
    channel    VARCHAR(16)  NOT NULL CHECK (channel IN ('NEWSLETTER', 'EMAIL', 'PUSH')),
    granted    BOOLEAN      NOT NULL,
    source     VARCHAR(16)  NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(255) NOT NULL
);
CREATE INDEX opt_in_change_member_idx ON opt_in_change (member_id, changed_at);
