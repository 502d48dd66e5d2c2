-- A till's transaction id is a receipt number: unique within its store, not across the program. Two stores may print
-- the same number (each counts from 1, or a chain's tills share a format); both purchases earn. The idempotency key of
-- a purchase (the replay of a till's request, the conflict of a reused id, the history import's "same file again
-- changes nothing") is therefore (store_id, transaction_id).
ALTER TABLE purchase ADD CONSTRAINT purchase_store_transaction_key UNIQUE (store_id, transaction_id);
ALTER TABLE purchase DROP CONSTRAINT purchase_transaction_id_key;
