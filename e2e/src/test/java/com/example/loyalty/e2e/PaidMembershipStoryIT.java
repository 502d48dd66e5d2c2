package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.anonymous;
import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's paid membership and information program through the gateway with real tokens: a marketer creates a plan;
 * staff start a paid membership for a fresh member with a period ending a few seconds ahead and renew it; the member
 * sees it ACTIVE to the new end, and LAPSED once that end passes without a renewal; the member sets their opt-ins.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaidMembershipStoryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PAYER = "payer-" + RUN;
    private static final String PLAN = "PREMIUM-" + RUN.toUpperCase();

    private static String payerId;

    @BeforeAll
    static void aMemberIsEnrolled() {
        KeycloakUsers.create(LoyaltyStack.config(), PAYER, "member");
        payerId = as(PAYER)
                .body(Map.of())
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
    }

    @Test
    @Order(1)
    void aMarketerCreatesAPlan() {
        as("marketer1")
                .body(Map.of(
                        "code",
                        PLAN,
                        "name",
                        "Premium " + RUN,
                        "price",
                        980,
                        "currency",
                        "JPY",
                        "period",
                        "MONTH",
                        "multiplier",
                        1.5,
                        "perks",
                        List.of("free delivery")))
                .post("/api/points/membership-plans")
                .then()
                .statusCode(SC_CREATED)
                .body("code", equalTo(PLAN))
                .body("active", equalTo(true));
        as(PAYER).get("/api/points/membership-plans").then().statusCode(SC_OK).body("code", hasItem(PLAN));
    }

    @Test
    @Order(2)
    void aPaidMembershipRenewsAndThenLapses() {
        Instant firstEnd = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        as("staff1")
                .body(Map.of("plan", PLAN, "paymentId", "pay-start-" + RUN, "periodEnd", firstEnd.toString()))
                .post("/api/points/members/" + payerId + "/membership/start")
                .then()
                .statusCode(SC_CREATED)
                .body("status", equalTo("ACTIVE"))
                .body("currentPeriodEnd", equalTo(firstEnd.toString()));
        Instant secondEnd = firstEnd.plusSeconds(6);
        as("staff1")
                .body(Map.of("paymentId", "pay-renew-" + RUN, "periodEnd", secondEnd.toString()))
                .post("/api/points/members/" + payerId + "/membership/renew")
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("ACTIVE"))
                .body("currentPeriodStart", equalTo(firstEnd.toString()))
                .body("currentPeriodEnd", equalTo(secondEnd.toString()));

        JsonPath mine = as(PAYER)
                .get("/api/points/members/me/membership")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        if (Instant.now().isBefore(secondEnd.minusMillis(500))) {
            assertEquals("ACTIVE", mine.getString("status"));
        }
        assertEquals(secondEnd.toString(), mine.getString("currentPeriodEnd"));
        assertEquals(PLAN, mine.getString("plan.code"));
        assertTrue(mine.getList("plan.perks").contains("free delivery"));

        // no renewal: once the paid period ends the membership has lapsed
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> as(PAYER)
                        .get("/api/points/members/me/membership")
                        .then()
                        .statusCode(SC_OK)
                        .body("status", equalTo("LAPSED")));
        assertTrue(!Instant.now().isBefore(secondEnd), "lapsed only after the paid period");
    }

    @Test
    @Order(3)
    void theMemberSetsTheirOptIns() {
        as(PAYER)
                .body(Map.of("newsletter", true, "email", true, "push", false))
                .put("/api/points/members/me/opt-ins")
                .then()
                .statusCode(SC_OK)
                .body("newsletter", equalTo(true))
                .body("email", equalTo(true))
                .body("push", equalTo(false));
        as(PAYER)
                .get("/api/points/members/me/opt-ins")
                .then()
                .statusCode(SC_OK)
                .body("channels.find { it.channel == 'EMAIL' }.source", equalTo("APP"));
    }

    /** The local stack's webhook secret (points-service, %local.points.memberships.webhook-secret). */
    private static final String WEBHOOK_SECRET = "local-membership-webhook-secret";

    @Test
    @Order(4)
    void thePaymentProvidersSignedWebhookRenewsTheLapsedMembershipThroughTheGateway() throws Exception {
        Instant periodEnd = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"id\":\"evt-" + RUN + "\",\"type\":\"membership.renewed\",\"memberId\":\"" + payerId
                + "\",\"paymentId\":\"pay-webhook-" + RUN + "\",\"periodEnd\":\"" + periodEnd + "\",\"occurredAt\":\""
                + Instant.now() + "\"}";
        long t = Instant.now().getEpochSecond();

        // no token, but a wrong signature: refused by points-service, nothing changes
        anonymous()
                .header("Loyalty-Signature", "t=" + t + ",v1=" + sign(t, body, "not-the-secret"))
                .body(body)
                .post("/api/points/memberships/webhook")
                .then()
                .statusCode(SC_UNAUTHORIZED);
        as(PAYER).get("/api/points/members/me/membership").then().body("status", equalTo("LAPSED"));

        for (boolean replay : new boolean[] {false, true}) {
            anonymous()
                    .header("Loyalty-Signature", "t=" + t + ",v1=" + sign(t, body, WEBHOOK_SECRET))
                    .body(body)
                    .post("/api/points/memberships/webhook")
                    .then()
                    .statusCode(SC_OK)
                    .body("replayed", equalTo(replay));
        }
        as(PAYER)
                .get("/api/points/members/me/membership")
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("ACTIVE"))
                .body("currentPeriodEnd", equalTo(periodEnd.toString()));
    }

    private static String sign(long t, String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
