-- Purchases per store, and returns (docs/behaviour.md, "Purchases and returns").

-- A till numbers its receipts on its own: a purchase is (store_id, transaction_id), as in points-service. Rows from
-- before this migration did not keep their store: they get '' ("not known"), and their transaction id alone still
-- names them (points-service kept transaction ids unique across stores until then), so a return finds them by it.
-- A purchase of member_purchase is one that counts: amount is what is left of its spend after its returns
-- (returned_amount is what came back; amount + returned_amount is what was paid); a purchase returned in full leaves
-- the table (its returns in purchase_return remain). in_activity: its spend and points are in the member's
-- member_activity totals (the member's first currency, not a free purchase of history), so a return takes them back
-- there too.
ALTER TABLE member_purchase
    ADD COLUMN store_id        VARCHAR(64) NOT NULL DEFAULT '',
    ADD COLUMN returned_amount BIGINT      NOT NULL DEFAULT 0 CHECK (returned_amount >= 0),
    ADD COLUMN in_activity     BOOLEAN     NOT NULL DEFAULT false;
ALTER TABLE member_purchase DROP CONSTRAINT member_purchase_pkey;
ALTER TABLE member_purchase ADD PRIMARY KEY (store_id, transaction_id);
-- a return of a purchase from before store ids were kept
CREATE INDEX member_purchase_unknown_store_idx ON member_purchase (transaction_id) WHERE store_id = '';
-- what member_activity counted so far, as ActivityService counted it: purchases in the member's currency that cost
-- something
UPDATE member_purchase p SET in_activity = true
FROM member_activity a
WHERE a.member_id = p.member_id AND a.currency = p.currency AND p.amount > 0;

-- Every return of a purchase, once per (store_id, return_id) as the till numbers them. applied_at is null while the
-- purchase has not arrived (events of two kinds may be read out of order): the return is applied when it does.
-- applied_amount: the spend it took from the purchase (no more than was left of it).
CREATE TABLE purchase_return (
    store_id        VARCHAR(64)  NOT NULL,
    return_id       VARCHAR(128) NOT NULL,
    transaction_id  VARCHAR(128) NOT NULL,
    member_id       UUID         NOT NULL,
    amount          BIGINT       NOT NULL CHECK (amount > 0),
    currency        CHAR(3)      NOT NULL,
    returned_at     TIMESTAMPTZ  NOT NULL,
    points_reversed BIGINT       NOT NULL CHECK (points_reversed >= 0),
    shortfall       BIGINT       NOT NULL CHECK (shortfall >= 0),
    fully_returned  BOOLEAN      NOT NULL,
    applied_at      TIMESTAMPTZ,
    applied_amount  BIGINT       CHECK (applied_amount >= 0),
    PRIMARY KEY (store_id, return_id),
    CHECK ((applied_at IS NULL) = (applied_amount IS NULL))
);
CREATE INDEX purchase_return_purchase_idx ON purchase_return (store_id, transaction_id);
CREATE INDEX purchase_return_member_idx ON purchase_return (member_id);
