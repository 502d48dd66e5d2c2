-- Paid memberships (docs/behaviour.md, "Churn of paid memberships"): one row per unbroken membership of a member
-- (a term), from points-service's MembershipChanged events. A term starts when a membership starts (or a lapsed one
-- is renewed), is paid through paid_through (the end of its last paid period; a renewal moves it), may be cancelled
-- (cancelled_at; still paid to paid_through) and ends at paid_through when points-service announces the lapse
-- (ended_at). A member pays at instant T when a term has started_at <= T < paid_through. At most one open term per
-- member. No personal data: the member id is a pseudonym.
CREATE TABLE paid_membership_term (
    member_id    UUID        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    paid_through TIMESTAMPTZ NOT NULL,
    plan         VARCHAR(32) NOT NULL,
    cancelled_at TIMESTAMPTZ,
    ended_at     TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, started_at),
    CHECK (paid_through > started_at)
);
CREATE UNIQUE INDEX paid_membership_term_open_key ON paid_membership_term (member_id) WHERE ended_at IS NULL;
CREATE INDEX paid_membership_term_span_idx ON paid_membership_term (started_at, paid_through);
