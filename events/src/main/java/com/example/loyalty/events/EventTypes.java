package com.example.loyalty.events;

/** The {@code type} values an {@link EventEnvelope} can carry. */
public final class EventTypes {
    public static final String POINTS_EARNED = "PointsEarned";
    public static final String POINTS_REDEEMED = "PointsRedeemed";
    public static final String TIER_CHANGED = "TierChanged";
    public static final String MEMBER_ENROLLED = "MemberEnrolled";

    private EventTypes() {
    }
}
