-- Every earn asks whether a paid membership period covers the purchase (PaidMembershipBoosts). Only a member who has
-- paid a period can be covered, and the member row, read and locked by the purchase anyway, now says so: every other
-- member's purchase (nearly all of them) skips the query. This replaces V21's "no period exists anywhere" cache,
-- which stopped helping at the first payment of any member.
ALTER TABLE member ADD COLUMN paid_periods BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE member m SET paid_periods = TRUE WHERE EXISTS (SELECT 1 FROM membership_period p WHERE p.member_id = m.id);
DROP TRIGGER membership_period_inserted ON membership_period;
DROP FUNCTION notify_change();
