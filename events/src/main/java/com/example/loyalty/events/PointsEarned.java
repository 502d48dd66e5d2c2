package com.example.loyalty.events;

import java.time.Instant;

/**
 * Payload of {@link EventTypes#POINTS_EARNED}: a purchase recorded at a till or online.
 *
 * @param transactionId the till's transaction id (idempotency key of the purchase)
 * @param amount        spend in minor units of {@code currency}
 * @param currency      ISO 4217 code
 * @param storeId       where it happened
 * @param channel       STORE, ONLINE, APP
 * @param purchasedAt   when the purchase happened
 * @param points        points earned
 * @param multiplier    tier multiplier applied
 * @param tier          tier the member held when earning
 * @param balance       balance after the earn
 */
public record PointsEarned(
        String transactionId,
        long amount,
        String currency,
        String storeId,
        String channel,
        Instant purchasedAt,
        long points,
        String multiplier,
        String tier,
        long balance) {
    public static final int SCHEMA_VERSION = 1;
}
