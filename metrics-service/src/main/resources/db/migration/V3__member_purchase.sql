-- Every purchase of a member (till, online, app, or imported history), one row per transaction id, in the currency it
-- was paid in: what the behavioural metrics (RFM, lifetime value, churn) are computed from. member_activity keeps the
-- running totals in the member's first currency; this table keeps each currency apart. Amounts in minor units; a
-- purchase of imported history may have cost nothing (a gift) and still counts as a purchase.
CREATE TABLE member_purchase (
    transaction_id VARCHAR(128) PRIMARY KEY,
    member_id      UUID         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    amount         BIGINT       NOT NULL CHECK (amount > 0 OR (history AND amount = 0)),
    currency       CHAR(3)      NOT NULL,
    history        BOOLEAN      NOT NULL DEFAULT false
);
CREATE INDEX member_purchase_currency_member_idx ON member_purchase (currency, member_id, occurred_at);
CREATE INDEX member_purchase_member_idx ON member_purchase (member_id, occurred_at);
