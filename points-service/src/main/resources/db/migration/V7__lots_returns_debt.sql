-- Every point accounted for (docs/points-accounting.md): lots, pending points, debt, returns, cancelled redemptions.

-- A lot: the points one credit brought (a purchase's earn, an award, a positive adjustment, a merge), with when they
-- become spendable (available_at: pending until then, the return window) and when they expire (expires_at, NULL:
-- never). remaining is what is left of it. A member's lots are only ever changed with the member row locked, so the
-- member's balance (the ledger sum) always equals the sum of remaining over their lots; the available balance is the
-- remaining of lots with available_at <= now, pending the rest.
CREATE TABLE point_lot (
    id           UUID         PRIMARY KEY,
    member_id    UUID         NOT NULL REFERENCES member (id),
    -- the ledger entry that credited the lot (reference_type/reference_id tell its source)
    entry_id     UUID         NOT NULL REFERENCES ledger_entry (id),
    points       BIGINT       NOT NULL CHECK (points > 0),
    remaining    BIGINT       NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    earned_at    TIMESTAMPTZ  NOT NULL,
    available_at TIMESTAMPTZ  NOT NULL CHECK (available_at >= earned_at),
    expires_at   TIMESTAMPTZ
);
-- a member's open lots, soonest-expiring first (never-expiring last)
CREATE INDEX point_lot_member_open_idx ON point_lot (member_id, expires_at NULLS LAST, earned_at) WHERE remaining > 0;
-- the expiry job: open lots by expiry
CREATE INDEX point_lot_expiry_idx ON point_lot (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
CREATE INDEX point_lot_entry_idx ON point_lot (entry_id);

-- Which lots a debit (a ledger entry with negative points) took its points from, so that undoing it (a cancelled
-- redemption) gives back the very same lots.
CREATE TABLE lot_consumption (
    entry_id UUID   NOT NULL REFERENCES ledger_entry (id),
    lot_id   UUID   NOT NULL REFERENCES point_lot (id),
    points   BIGINT NOT NULL CHECK (points > 0),
    PRIMARY KEY (entry_id, lot_id)
);
CREATE INDEX lot_consumption_lot_idx ON lot_consumption (lot_id);

-- Points a member owes: what a reversal (a return, a revoked award) could not take back because they were already
-- spent. The balance never goes below zero; future credits pay the debt first.
ALTER TABLE member ADD COLUMN debt BIGINT NOT NULL DEFAULT 0 CHECK (debt >= 0);

-- The members from before lots existed: one available, never-expiring lot each for their whole balance, credited by
-- their latest ledger entry.
INSERT INTO point_lot (id, member_id, entry_id, points, remaining, earned_at, available_at, expires_at)
SELECT gen_random_uuid(), m.id, last.id, m.balance, m.balance, last.created_at, last.created_at, NULL
FROM member m
JOIN LATERAL (SELECT e.id, e.created_at FROM ledger_entry e WHERE e.member_id = m.id ORDER BY e.seq DESC LIMIT 1) last
    ON true
WHERE m.balance > 0;

-- Returns: idempotent by (store_id, return_id); a purchase is never returned beyond its amount, nor reversed beyond
-- the points it earned.
ALTER TABLE purchase
    ADD COLUMN returned_amount BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN points_reversed BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT purchase_returned_check CHECK (returned_amount >= 0 AND returned_amount <= amount),
    ADD CONSTRAINT purchase_reversed_check CHECK (points_reversed >= 0 AND points_reversed <= points);

CREATE TABLE purchase_return (
    id              UUID         PRIMARY KEY,
    return_id       VARCHAR(128) NOT NULL,
    store_id        VARCHAR(64)  NOT NULL,
    purchase_id     UUID         NOT NULL REFERENCES purchase (id),
    member_id       UUID         NOT NULL REFERENCES member (id),
    amount          BIGINT       NOT NULL CHECK (amount > 0),
    -- the returned lines when the return named items: [{sku, quantity, amount}]
    items           JSONB,
    -- points taken back from the balance, and what could not be (already spent: added to the member's debt)
    points_reversed BIGINT       NOT NULL CHECK (points_reversed >= 0),
    shortfall       BIGINT       NOT NULL CHECK (shortfall >= 0),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    recorded_by     VARCHAR(255) NOT NULL,
    UNIQUE (store_id, return_id)
);
CREATE INDEX purchase_return_purchase_idx ON purchase_return (purchase_id);

-- A redemption can be cancelled (once): its points go back to the lots they came from.
ALTER TABLE redemption
    ADD COLUMN cancelled_at TIMESTAMPTZ,
    ADD COLUMN cancelled_by VARCHAR(255);
