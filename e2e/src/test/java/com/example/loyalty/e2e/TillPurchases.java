package com.example.loyalty.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The body of a purchase at the till of store S001 (where the demo staff1 works), in yen, a minute ago. */
final class TillPurchases {

    private TillPurchases() {}

    static Map<String, Object> at(String transactionId, String cardCode, long amountYen) {
        return Map.of(
                "transactionId",
                transactionId,
                "cardCode",
                cardCode,
                "amount",
                amountYen,
                "currency",
                "JPY",
                "storeId",
                "S001",
                "channel",
                "STORE",
                "occurredAt",
                Instant.now().minus(1, ChronoUnit.MINUTES).toString());
    }
}
