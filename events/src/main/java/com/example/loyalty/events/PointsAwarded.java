package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#POINTS_AWARDED}: points credited for something that is not a purchase.
 *
 * @param points        points credited
 * @param referenceType what earned them: SURVEY, COMMUNITY, ...
 * @param referenceId   the idempotency key of the award (e.g. {@code <waveId>} for a survey wave)
 * @param reason        human-readable reason
 * @param balance       balance after the award
 */
public record PointsAwarded(long points, String referenceType, String referenceId, String reason, long balance) {
    public static final int SCHEMA_VERSION = 1;
}
