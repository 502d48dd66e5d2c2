package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#POINTS_AWARDED}: points credited for something that is not a purchase, or taken back
 * when what earned them is withdrawn (a revoked community contribution: negative points, same reference).
 *
 * @param points        points credited; negative for points taken back (the sum per reference is what it is worth now)
 * @param referenceType what earned them: SURVEY, COMMUNITY, ...
 * @param referenceId   the idempotency key of the award (e.g. {@code <waveId>} for a survey wave)
 * @param reason        human-readable reason
 * @param balance       balance after the award
 */
public record PointsAwarded(long points, String referenceType, String referenceId, String reason, long balance) {
    public static final int SCHEMA_VERSION = 1;
}
