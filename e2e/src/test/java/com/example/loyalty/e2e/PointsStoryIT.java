package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The member story of issue 2, through the gateway with real Keycloak tokens: member1 enrols, staff1 finds
 * them at the till by card (and by their verified e-mail and phone) and records purchases, a replayed purchase earns nothing, crossing 30,000 JPY
 * makes them Silver and the next purchase earns x1.25, and metrics-service, fed through Kafka, counts the
 * purchases, and an admin's reconciliation finds every point accounted for. Steps share state and run in order.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PointsStoryIT {

    private static String memberId;
    private static String cardCode;
    private static final String FIRST_TX = "e2e-" + UUID.randomUUID();

    @Test
    @Order(1)
    void memberEnrolsAndSeesAZeroBalance() {
        var enrolled = as("member1")
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("balance", equalTo(0))
                .body("tier", equalTo("REGULAR"))
                .body("cardCode", startsWith("88"))
                .extract();
        memberId = enrolled.path("id");
        cardCode = enrolled.path("cardCode");

        // idempotent: the same member, the same card
        as("member1")
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(memberId))
                .body("cardCode", equalTo(cardCode));

        as("member1")
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(0))
                .body("nextTier.tier", equalTo("SILVER"))
                .body("nextTier.spendNeeded", equalTo(30000));
    }

    @Test
    @Order(2)
    void staffFindsTheMemberByCardAndRecordsAPurchase() {
        as("staff1")
                .queryParam("card", cardCode)
                .get("/api/points/members")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(memberId));

        // the till sends its own trace context: the trace goes on through the gateway, points-service and its outbox
        // to the Kafka record the consumers read (docs/observability.md)
        String traceId = UUID.randomUUID().toString().replace("-", "");
        as("staff1")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(purchase(FIRST_TX, 10_000))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED)
                .header("traceparent", startsWith("00-" + traceId + "-"))
                .body("pointsEarned", equalTo(100))
                .body("balance", equalTo(100))
                .body("tier", equalTo("REGULAR"))
                .body("replayed", equalTo(false));
        var earned = KafkaRecords.first(
                "loyalty-transactions",
                r -> memberId.equals(r.key()) && "PointsEarned".equals(KafkaRecords.header(r, "event-type")),
                Duration.ofSeconds(30));
        assertEquals(
                traceId,
                KafkaRecords.header(earned, "traceparent").substring(3, 35),
                "the event went to Kafka in the trace of the purchase");
    }

    /**
     * The realm vouches for member1's e-mail and phone (email_verified, phone_number_verified), so the till finds
     * member1 by either; member2's phone is unverified and finds nobody (docs/member-card.md).
     */
    @Test
    @Order(2)
    void staffFindsTheMemberByVerifiedEmailOrPhoneOnly() {
        as("member1")
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("emailVerified", equalTo(true))
                .body("phoneVerified", equalTo(true));
        for (var lookup :
                Map.of("email", "MEMBER1@example.com", "phone", "090-0000-0001").entrySet()) {
            // personal data goes in the body, never in the URL (access logs)
            as("staff1")
                    .body(Map.of(lookup.getKey(), lookup.getValue()))
                    .post("/api/points/members/lookup")
                    .then()
                    .statusCode(SC_OK)
                    .body("id", equalTo(memberId));
        }
        as("member2")
                .post("/api/points/members/me")
                .then()
                .statusCode(anyOf(is(SC_CREATED), is(SC_OK)))
                .body("phone", equalTo("+81 90-0000-0002"))
                .body("phoneVerified", equalTo(false));
        as("staff1")
                .body(Map.of("phone", "+81 90-0000-0002"))
                .post("/api/points/members/lookup")
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    @Order(2)
    void memberShowsTheirCardWithItsQrCode() {
        as("member1")
                .get("/api/points/members/me/card")
                .then()
                .statusCode(SC_OK)
                .body("cardCode", equalTo(cardCode))
                .body("design.isDefault", equalTo(true));
        byte[] png = as("member1")
                .accept("image/png")
                .get("/api/points/members/me/card.png")
                .then()
                .statusCode(SC_OK)
                .contentType("image/png")
                .header("Cache-Control", containsString("private"))
                .extract()
                .asByteArray();
        // the PNG signature
        assertEquals(0x89, png[0] & 0xFF);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    @Order(3)
    void memberSeesThePointsAndTheLedgerEntry() {
        as("member1")
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(100))
                .body("rollingSpend", equalTo(10000));
        as("member1")
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("EARN"))
                .body("items[0].points", equalTo(100))
                .body("items[0].referenceId", equalTo(FIRST_TX));
    }

    @Test
    @Order(4)
    void aReplayedPurchaseEarnsNothing() {
        as("staff1")
                .body(purchase(FIRST_TX, 10_000))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_OK)
                .body("pointsEarned", equalTo(100))
                .body("replayed", equalTo(true));
        as("member1").get("/api/points/members/me").then().statusCode(SC_OK).body("balance", equalTo(100));
        as("member1")
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .body("items", hasSize(1));
    }

    @Test
    @Order(5)
    void crossing30000YenMakesTheMemberSilverAndTheNextPurchaseEarnsOneAndAQuarter() {
        // earned at the tier held before the purchase (Regular), upgrade at once
        as("staff1")
                .body(purchase("e2e-" + UUID.randomUUID(), 20_000))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(200))
                .body("tier", equalTo("SILVER"))
                .body("tierChanged", equalTo(true));

        as("staff1")
                .body(purchase("e2e-" + UUID.randomUUID(), 1_000))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(12)) // floor(10 x 1.25)
                .body("balance", equalTo(312));

        as("member1")
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("tier", equalTo("SILVER"))
                .body("balance", equalTo(312));
    }

    @Test
    @Order(6)
    void metricsServiceCountsThePurchasesThroughKafka() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var activity = as("marketer1")
                            .get("/api/metrics/members/{id}/activity", memberId)
                            .then()
                            .statusCode(SC_OK)
                            .body("memberId", equalTo(memberId))
                            .body("purchaseCount", equalTo(3)) // the replay is not a purchase
                            .body("lastPurchaseAt", notNullValue())
                            .extract();
                    assertEquals(31_000.0, activity.<Number>path("totalSpend").doubleValue());
                });
    }

    @Test
    @Order(7)
    void memberRedeemsButNeverBelowZero() {
        as("member1")
                .body(Map.of("idempotencyKey", "e2e-redeem-1", "points", 300, "reason", "coupon"))
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_CREATED)
                .body("balance", equalTo(12));
        as("member1")
                .body(Map.of("idempotencyKey", "e2e-redeem-2", "points", 13, "reason", "coupon"))
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json");
        as("member1").get("/api/points/members/me").then().statusCode(SC_OK).body("balance", equalTo(12));
    }

    @Test
    @Order(8)
    void everyPointIsAccountedFor() {
        // balances, ledgers and lots agree (docs/points-accounting.md#reconciliation)
        as("admin1")
                .get("/api/points/reconciliation")
                .then()
                .statusCode(SC_OK)
                .body("ok", equalTo(true))
                .body("violationCount", equalTo(0));
        as("member1").get("/api/points/reconciliation").then().statusCode(SC_FORBIDDEN);
    }

    private static Map<String, Object> purchase(String transactionId, long amount) {
        return TillPurchases.at(transactionId, cardCode, amount);
    }

    static String memberId() {
        return memberId;
    }
}
