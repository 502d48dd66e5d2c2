package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's first story through the gateway with real tokens (docs/earning-rules.md): a marketer creates a
 * double-points campaign for an hour, simulate shows it, a purchase in its window earns double what the same purchase
 * earned without it; the marketer ends it and the next purchase earns single. The shopper is a Keycloak user created
 * for the run, so the demo users' balances and tiers stay out of it. The campaign is for every member, and the till
 * purchases of the other stories are dated "a minute ago" (TillPurchases), so one recorded within a minute after the
 * campaign ended would still land in its window and earn double: this story runs after every other one that records
 * purchases (keep it last).
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignStoryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SHOPPER = "campaign-shopper-" + RUN;
    private static final long AMOUNT = 12_345;

    private static String card;
    private static long single;
    private static String campaignId;

    @BeforeAll
    static void aShopperIsEnrolled() {
        KeycloakUsers.create(LoyaltyStack.config(), SHOPPER, "member");
        card = as(SHOPPER)
                .body(Map.of())
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("cardCode");
    }

    /** What {@link #AMOUNT} yen earn now, simulated, with the steps of the explanation. */
    private static JsonPath simulate(String user) {
        return as(user).body(Map.of("cardCode", card, "amount", AMOUNT, "currency", "JPY", "channel", "STORE"))
                .post("/api/points/rules/simulate")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    /** A purchase at staff1's store S001 (TillPurchases), happening now (in the campaign's window while it runs). */
    private static JsonPath buy() {
        Map<String, Object> body =
                new HashMap<>(TillPurchases.at("CAMPAIGN-" + RUN + "-" + UUID.randomUUID(), card, AMOUNT));
        body.remove("occurredAt"); // now, as the till's clock says
        return as("staff1")
                .body(body)
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .jsonPath();
    }

    @Test
    @Order(1)
    void aMarketersDoublePointsCampaignDoublesAPurchaseInItsWindow() {
        JsonPath before = simulate("marketer1");
        single = before.getLong("points");
        // a fresh member is Regular (x1): 1 point per 100 yen, rounded down, whatever else runs
        assertTrue(single >= AMOUNT / 100, "without the campaign: " + single);

        Instant now = Instant.now();
        campaignId = as("marketer1")
                .body(Map.of(
                        "kind",
                        "CAMPAIGN",
                        "name",
                        "double points " + RUN,
                        "multiplier",
                        2,
                        "validFrom",
                        now.toString(),
                        "validTo",
                        now.plus(Duration.ofHours(1)).toString()))
                .post("/api/points/rules")
                .then()
                .statusCode(SC_CREATED)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");

        JsonPath during = simulate("staff1");
        assertEquals(2 * single, during.getLong("points"), during.prettify());
        assertTrue(during.getList("steps.ruleId").contains(campaignId), during.prettify());
        assertTrue(during.getList("rules.ruleId").contains(campaignId), during.prettify());

        JsonPath purchase = buy();
        assertEquals(2 * single, purchase.getLong("pointsEarned"), purchase.prettify());
        assertTrue(purchase.getList("rules.ruleId").contains(campaignId), purchase.prettify());
    }

    @Test
    @Order(2)
    void endedItEarnsSingleAgain() {
        String endedAt = as("marketer1")
                .body(Map.of("reason", "story over"))
                .post("/api/points/rules/{id}/end", campaignId)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("ENDED"))
                .extract()
                .path("current.effectiveFrom");

        JsonPath purchase = buy();
        assertEquals(single, purchase.getLong("pointsEarned"), purchase.prettify());
        assertEquals(
                List.of(),
                purchase.getList("rules.ruleId").stream()
                        .filter(campaignId::equals)
                        .toList());
        assertEquals(single, simulate("marketer1").getLong("points"));

        as("marketer1")
                .get("/api/points/rules/{id}", campaignId)
                .then()
                .statusCode(SC_OK)
                .body("versions.state", equalTo(List.of("ACTIVE", "ENDED")))
                .body("versions[0].effectiveTo", equalTo(endedAt));
        as("admin1")
                .queryParam("target", campaignId)
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .body("items.action", hasItem("RULE_CREATED"))
                .body("items.action", hasItem("RULE_ENDED"));
    }
}
