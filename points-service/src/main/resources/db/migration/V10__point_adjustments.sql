-- Adjustments (docs/points-accounting.md, "Adjustments and the audit log"): an admin's signed correction of a
-- member's balance, with a reason. Idempotent by (member_id, idempotency_key): the same key again is a replay of the
-- first; with other points or another reason it is refused. The ledger entry it wrote (kind ADJUST, reference
-- ADJUSTMENT/<id>) took the balance from balance_before to balance_after (as the Ledger left it: not checked against
-- points here, so that the Ledger may settle a debt from a credit).
CREATE TABLE point_adjustment (
    id              UUID         PRIMARY KEY,
    member_id       UUID         NOT NULL REFERENCES member (id),
    idempotency_key VARCHAR(128) NOT NULL,
    points          BIGINT       NOT NULL CHECK (points <> 0),
    reason          VARCHAR(500) NOT NULL,
    entry_id        UUID         NOT NULL REFERENCES ledger_entry (id),
    balance_before  BIGINT       NOT NULL CHECK (balance_before >= 0),
    balance_after   BIGINT       NOT NULL CHECK (balance_after >= 0),
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(255) NOT NULL,
    UNIQUE (member_id, idempotency_key)
);

-- GET /api/points/audit?action=...: the entries of one action, newest first (actor, target and time have V8's).
CREATE INDEX audit_entry_action_idx ON audit_entry (action, at DESC);
