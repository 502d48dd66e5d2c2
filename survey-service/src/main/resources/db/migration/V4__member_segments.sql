-- RFM segment and loyalty quadrant per member, from metrics-service's SegmentChanged events (loyalty-insights), for
-- the program currency only (surveys.targeting.currency). segment_as_of is the day the scores are as of: only an event
-- as of the same day or later overwrites, so a late or redelivered event never moves a member back. A member scored
-- without a known quadrant holds UNKNOWN. Rows may be created here before the member's MemberEnrolled arrives.
ALTER TABLE member_directory
    ADD COLUMN segment       VARCHAR(32),
    ADD COLUMN quadrant      VARCHAR(32),
    ADD COLUMN segment_as_of DATE,
    ADD CONSTRAINT member_directory_segment_check
        CHECK ((segment IS NULL) = (segment_as_of IS NULL) AND (segment IS NULL) = (quadrant IS NULL));
