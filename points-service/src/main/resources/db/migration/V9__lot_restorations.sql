-- Every point accounted for, beyond V7 (docs/points-accounting.md): what undoing a debit, a purchase's lot and a
-- return's replay need.

-- A cancelled redemption gives its points back to the very lots it took them from: restored_by is the REVERSE entry
-- that gave them back. A consumption counts against its lot until it is restored, so for every lot, points - remaining
-- is the sum of its consumptions not restored (the reconciliation checks it).
ALTER TABLE lot_consumption ADD COLUMN restored_by UUID REFERENCES ledger_entry (id);

-- The ledger entry of a redemption (what a cancellation undoes). NULL for redemptions from before lots.
ALTER TABLE redemption ADD COLUMN entry_id UUID REFERENCES ledger_entry (id);

-- A purchase's own lot: the points it earned, which a return takes back first. NULL when it earned nothing or was
-- recorded before lots existed.
ALTER TABLE purchase ADD COLUMN lot_id UUID REFERENCES point_lot (id);

-- What the member had after a return, so that a replay of the return answers the first result. No return was recorded
-- before this version, so the columns can be required.
ALTER TABLE purchase_return
    ADD COLUMN balance_after   BIGINT NOT NULL CHECK (balance_after >= 0),
    ADD COLUMN available_after BIGINT NOT NULL CHECK (available_after >= 0),
    ADD COLUMN pending_after   BIGINT NOT NULL CHECK (pending_after >= 0),
    ADD COLUMN debt_after      BIGINT NOT NULL CHECK (debt_after >= 0);
