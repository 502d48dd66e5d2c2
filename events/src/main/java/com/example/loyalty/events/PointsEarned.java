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
 * @param history       true for a purchase brought in by a history import: it happened before the program knew of
 *                      it, earned what {@code points} says (usually nothing), and counts for behavioural metrics
 *                      (RFM, lifetime value, churn) like any other; absent in events of older producers (false)
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
        long balance,
        boolean history) {
    public static final int SCHEMA_VERSION = 1;

    /** A purchase recorded as it happened (at a till, online or in the app). */
    public PointsEarned(
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
        this(transactionId, amount, currency, storeId, channel, purchasedAt, points, multiplier, tier, balance, false);
    }
}
