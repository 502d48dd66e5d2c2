-- A referred member's first purchase settles their referral (ReferralService.onPurchase). The member row says whether
-- one is still pending, so every other purchase (nearly all of them) skips the referral statement: the row is read
-- and locked by the purchase anyway.
ALTER TABLE member ADD COLUMN referral_pending BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE member m SET referral_pending = TRUE
    WHERE EXISTS (SELECT 1 FROM referral r WHERE r.member_id = m.id AND r.first_purchase_id IS NULL);
