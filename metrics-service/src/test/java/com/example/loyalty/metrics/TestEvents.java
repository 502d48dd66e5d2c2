package com.example.loyalty.metrics;

import static io.restassured.RestAssured.given;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.PurchaseReturned;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Events shaped as points-service writes them, and the calls tests make with them. */
public final class TestEvents {

    public static final String MARKETER = TestTokens.token("marketer-1", "marketer");
    public static final String ADMIN = TestTokens.token("admin-1", "admin");
    public static final String ACTIVITY = "/api/metrics/members/{id}/activity";
    /** Consumer group join and the first fetch can take a while on a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private TestEvents() {}

    public static String newMemberId() {
        return UUID.randomUUID().toString();
    }

    /** A purchase as points-service publishes it: envelope time = when the outbox row was written (now). */
    public static EventEnvelope purchase(String memberId, long amount, Instant purchasedAt) {
        return purchase(memberId, amount, "JPY", purchasedAt);
    }

    public static EventEnvelope purchase(String memberId, long amount, String currency, Instant purchasedAt) {
        return purchase(memberId, amount, currency, purchasedAt, "REGULAR", Instant.now());
    }

    /** A purchase earned at {@code tier}, published at {@code occurredAt}. */
    public static EventEnvelope purchase(
            String memberId, long amount, String currency, Instant purchasedAt, String tier, Instant occurredAt) {
        return EventJson.envelope(
                EventTypes.POINTS_EARNED,
                PointsEarned.SCHEMA_VERSION,
                occurredAt,
                memberId,
                new PointsEarned(
                        "T-" + UUID.randomUUID(),
                        amount,
                        currency,
                        "S001",
                        "STORE",
                        purchasedAt,
                        amount / 100,
                        "1.000",
                        tier,
                        amount / 100));
    }

    /** A purchase at {@code storeId} with the till's {@code transactionId}, earning a point per 100. */
    public static EventEnvelope purchaseAt(
            String memberId, String storeId, String transactionId, long amount, String currency, Instant purchasedAt) {
        return EventJson.envelope(
                EventTypes.POINTS_EARNED,
                PointsEarned.SCHEMA_VERSION,
                Instant.now(),
                memberId,
                new PointsEarned(
                        transactionId,
                        amount,
                        currency,
                        storeId,
                        "STORE",
                        purchasedAt,
                        amount / 100,
                        "1.000",
                        "REGULAR",
                        amount / 100));
    }

    /**
     * A return of {@code amount} of the purchase {@code transactionId} at {@code storeId}, as points-service publishes
     * it: a point per 100 reversed.
     */
    public static EventEnvelope returned(
            String memberId,
            String storeId,
            String returnId,
            String transactionId,
            long amount,
            String currency,
            Instant returnedAt,
            boolean fullyReturned) {
        return EventJson.envelope(
                EventTypes.PURCHASE_RETURNED,
                PurchaseReturned.SCHEMA_VERSION,
                Instant.now(),
                memberId,
                new PurchaseReturned(
                        returnId,
                        transactionId,
                        storeId,
                        amount,
                        currency,
                        returnedAt,
                        amount / 100,
                        0,
                        fullyReturned,
                        0));
    }

    public static EventEnvelope tierChanged(String memberId, String from, String to, Instant at) {
        return EventJson.envelope(
                EventTypes.TIER_CHANGED, TierChanged.SCHEMA_VERSION, at, memberId, new TierChanged(from, to, 30_000));
    }

    /** Sends the envelope to loyalty-transactions keyed by member id, as the outbox relay does. */
    public static void send(EventEnvelope event) {
        TestKafka.send(Topics.LOYALTY_TRANSACTIONS, event.memberId(), EventJson.write(event));
    }

    public static ValidatableResponse activity(String token, String memberId) {
        return given().auth().oauth2(token).when().get(ACTIVITY, memberId).then();
    }
}
