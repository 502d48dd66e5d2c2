package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#POINTS_REDEEMED}.
 *
 * @param idempotencyKey the caller's key for this redemption
 * @param points         points taken off the balance
 * @param reason         why (reward id, free text)
 * @param balance        balance after the redemption
 */
public record PointsRedeemed(String idempotencyKey, long points, String reason, long balance) {
    public static final int SCHEMA_VERSION = 1;
}
