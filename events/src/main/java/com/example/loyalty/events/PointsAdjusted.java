package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#POINTS_ADJUSTED}: an admin's correction of a balance.
 *
 * @param idempotencyKey the admin's key for the adjustment
 * @param points         signed: credited (positive) or taken off (negative)
 * @param reason         why (required)
 * @param balance        balance after the adjustment
 */
public record PointsAdjusted(String idempotencyKey, long points, String reason, long balance) {
    public static final int SCHEMA_VERSION = 1;
}
