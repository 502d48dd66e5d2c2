package com.example.loyalty.events;

/** The {@code type} values an {@link EventEnvelope} can carry. */
public final class EventTypes {
    public static final String POINTS_EARNED = "PointsEarned";
    public static final String POINTS_REDEEMED = "PointsRedeemed";
    public static final String TIER_CHANGED = "TierChanged";
    public static final String MEMBER_ENROLLED = "MemberEnrolled";
    /** Points credited for something other than a purchase (a survey answered, a community contribution). */
    public static final String POINTS_AWARDED = "PointsAwarded";

    public static final String SURVEY_RESPONDED = "SurveyResponded";
    public static final String FOLLOW_UP_OPENED = "FollowUpOpened";
    /** A member's RFM segment (or loyalty quadrant) changed at a recompute. */
    public static final String SEGMENT_CHANGED = "SegmentChanged";

    private EventTypes() {}
}
