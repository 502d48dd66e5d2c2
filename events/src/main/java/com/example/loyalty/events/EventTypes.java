package com.example.loyalty.events;

/** The {@code type} values an {@link EventEnvelope} can carry. */
public final class EventTypes {
    public static final String POINTS_EARNED = "PointsEarned";
    public static final String POINTS_REDEEMED = "PointsRedeemed";
    public static final String TIER_CHANGED = "TierChanged";
    public static final String MEMBER_ENROLLED = "MemberEnrolled";
    /** Points credited for something other than a purchase (a survey answered, a community contribution). */
    public static final String POINTS_AWARDED = "PointsAwarded";
    /** Part or all of a purchase returned; payload {@link PurchaseReturned}. */
    public static final String PURCHASE_RETURNED = "PurchaseReturned";
    /** Lots reached their expiry date; payload {@link PointsExpired}. */
    public static final String POINTS_EXPIRED = "PointsExpired";
    /** An admin's correction of a balance; payload {@link PointsAdjusted}. */
    public static final String POINTS_ADJUSTED = "PointsAdjusted";
    /** A redemption undone; payload {@link RedemptionCancelled}. */
    public static final String REDEMPTION_CANCELLED = "RedemptionCancelled";
    /** Two members merged into one, on {@link Topics#MEMBER_EVENTS}; payload {@link MembersMerged}. */
    public static final String MEMBERS_MERGED = "MembersMerged";
    /** A member's personal data erased, on {@link Topics#MEMBER_EVENTS}; payload {@link MemberErased}. */
    public static final String MEMBER_ERASED = "MemberErased";
    /** A paid membership started, renewed, cancelled or lapsed; payload {@link MembershipChanged}. */
    public static final String MEMBERSHIP_CHANGED = "MembershipChanged";

    public static final String SURVEY_RESPONDED = "SurveyResponded";
    /** A survey wave and its answer window, on {@link Topics#SURVEY_WAVES}; payload {@link SurveyWavePublished}. */
    public static final String SURVEY_WAVE_PUBLISHED = "SurveyWavePublished";
    /** A survey wave ended early or cancelled, on {@link Topics#SURVEY_WAVES}; payload {@link SurveyWaveClosed}. */
    public static final String SURVEY_WAVE_CLOSED = "SurveyWaveClosed";

    public static final String FOLLOW_UP_OPENED = "FollowUpOpened";
    /** A member's RFM segment (or loyalty quadrant) changed at a recompute. */
    public static final String SEGMENT_CHANGED = "SegmentChanged";

    /** Community contributions on {@link Topics#COMMUNITY_ACTIVITY}; payload {@link CommunityActivity}. */
    public static final String POST_CREATED = "PostCreated";

    public static final String ANSWER_ACCEPTED = "AnswerAccepted";
    public static final String REVIEW_POSTED = "ReviewPosted";
    public static final String REACTION_RECEIVED = "ReactionReceived";
    public static final String EVENT_ATTENDED = "EventAttended";
    /** A contribution taken back (its content hidden or deleted); payload {@link ContributionRevoked}. */
    public static final String CONTRIBUTION_REVOKED = "ContributionRevoked";

    /** The five contribution types a {@link CommunityActivity} can carry. */
    public static final java.util.Set<String> COMMUNITY_CONTRIBUTIONS =
            java.util.Set.of(POST_CREATED, ANSWER_ACCEPTED, REVIEW_POSTED, REACTION_RECEIVED, EVENT_ATTENDED);

    private EventTypes() {}
}
