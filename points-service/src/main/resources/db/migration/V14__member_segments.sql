-- Each member's latest RFM segment and loyalty quadrant, as metrics-service announces them (SegmentChanged on
-- loyalty-insights): campaigns target a segment, and marketers export the opted-in members of one. Kept by
-- SegmentConsumer; a member never scored has no row.
CREATE TABLE member_segment (
    member_id  UUID        PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    segment    VARCHAR(32) NOT NULL,
    quadrant   VARCHAR(32),
    as_of      DATE        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_segment_segment_idx ON member_segment (segment);
