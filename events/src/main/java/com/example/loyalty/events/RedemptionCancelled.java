package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#REDEMPTION_CANCELLED}: a redemption undone; its points went back to the lots they were
 * taken from.
 *
 * @param idempotencyKey the key of the cancelled redemption
 * @param points         points given back
 * @param balance        balance after the cancellation
 */
public record RedemptionCancelled(String idempotencyKey, long points, long balance) {
    public static final int SCHEMA_VERSION = 1;
}
