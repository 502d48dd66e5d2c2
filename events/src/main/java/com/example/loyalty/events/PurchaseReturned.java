package com.example.loyalty.events;

import java.time.Instant;

/**
 * Payload of {@link EventTypes#PURCHASE_RETURNED} on {@link Topics#LOYALTY_TRANSACTIONS}: part or all of a purchase
 * came back. Consumers net {@code amount} out of the purchase's spend (metrics-service: spend, RFM, activity).
 *
 * @param returnId       the till's id of the return (idempotency key, per store)
 * @param transactionId  the returned purchase's transaction id (unique per store)
 * @param storeId        the store of the purchase
 * @param amount         returned spend, in minor units of {@code currency}
 * @param currency       the purchase's ISO 4217 currency
 * @param returnedAt     when the return happened
 * @param pointsReversed points taken back from the balance
 * @param shortfall      points that could not be taken back (already spent) and became debt
 * @param fullyReturned  true when the whole purchase has now been returned (it no longer counts as a purchase)
 * @param balance        the member's balance after the return
 */
public record PurchaseReturned(
        String returnId,
        String transactionId,
        String storeId,
        long amount,
        String currency,
        Instant returnedAt,
        long pointsReversed,
        long shortfall,
        boolean fullyReturned,
        long balance) {
    public static final int SCHEMA_VERSION = 1;
}
