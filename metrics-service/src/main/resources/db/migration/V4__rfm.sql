-- RFM per member and currency, as of one day: what the last recompute of that currency (RfmService) found in
-- member_purchase. A recompute replaces every row of its currency in one statement, so all rows of a currency share
-- the same as_of; rfm_run says which day that is, also when no member has a purchase yet.
-- recency_days: calendar days (metrics.behaviour.zone) from the last purchase to as_of; frequency and monetary: the
-- purchases and their sum (minor units) in the metrics.behaviour.rfm-window-months months ending on as_of.
-- r, f, m: quintile scores 1-5, 5 best (RfmScores); segment: Segment (first match of the score ranges).
-- previous_segment: the member's segment before the last recompute (null when it scored the member the first time);
-- a recompute announces SegmentChanged for every row where it differs from segment.
CREATE TABLE member_rfm (
    member_id        UUID        NOT NULL,
    currency         CHAR(3)     NOT NULL,
    as_of            DATE        NOT NULL,
    recency_days     INT         NOT NULL CHECK (recency_days >= 0),
    frequency        BIGINT      NOT NULL CHECK (frequency >= 0),
    monetary         BIGINT      NOT NULL CHECK (monetary >= 0),
    r                SMALLINT    NOT NULL CHECK (r BETWEEN 1 AND 5),
    f                SMALLINT    NOT NULL CHECK (f BETWEEN 1 AND 5),
    m                SMALLINT    NOT NULL CHECK (m BETWEEN 1 AND 5),
    segment          TEXT        NOT NULL,
    previous_segment TEXT,
    computed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, currency)
);
-- the member list (by segment or not) is read in member-id order within a currency
CREATE INDEX member_rfm_currency_segment_idx ON member_rfm (currency, segment, member_id);

-- The last recompute of each currency. window_months: the window it used; members: members scored; changed: members
-- whose segment changed (SegmentChanged events written).
CREATE TABLE rfm_run (
    currency      CHAR(3)     PRIMARY KEY,
    as_of         DATE        NOT NULL,
    window_months INT         NOT NULL CHECK (window_months > 0),
    members       BIGINT      NOT NULL CHECK (members >= 0),
    changed       BIGINT      NOT NULL CHECK (changed >= 0),
    computed_at   TIMESTAMPTZ NOT NULL
);
