package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.path.json.JsonPath;
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
 * Issue 12's rewards and social contribution through the gateway with real tokens: a marketer creates a special
 * experience for the top tier with one in stock; a member who reached the top tier redeems it for a coupon that staff
 * look up and fulfil at the till; a lower-tier member is refused; a member donates points to a cause and its total grows.
 * Members of their own (Keycloak users created for the run); the ladder is read, not assumed, and nothing assumes a
 * fresh database.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RewardsStoryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TOP_MEMBER = "vip-" + RUN;
    private static final String OTHER_MEMBER = "giver-" + RUN;
    /** The most one purchase may cost at the till (points.purchases.max-amount.JPY). */
    private static final long CEILING_YEN = 1_000_000;

    private static String topCard;
    private static String otherCard;
    private static String topTier;
    private static String rewardId;
    private static String couponCode;

    @BeforeAll
    static void membersAreEnrolled() {
        KeycloakUsers.create(LoyaltyStack.config(), TOP_MEMBER, "member");
        KeycloakUsers.create(LoyaltyStack.config(), OTHER_MEMBER, "member");
        topCard = enrol(TOP_MEMBER);
        otherCard = enrol(OTHER_MEMBER);
    }

    private static String enrol(String user) {
        return as(user).body(Map.of())
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("cardCode");
    }

    private static JsonPath me(String user) {
        return as(user).get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    private static void purchase(String card, long yen) {
        as("staff1")
                .body(TillPurchases.at("RW-" + RUN + "-" + UUID.randomUUID(), card, yen))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED);
    }

    @Test
    @Order(1)
    void aMarketerCreatesAnExperienceForTheTopTierOnly() {
        List<String> tiers = as("marketer1")
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("tiers.code");
        topTier = tiers.get(tiers.size() - 1);
        Map<String, Object> reward = new HashMap<>();
        reward.put("name", "Dinner with the chef " + RUN);
        reward.put("kind", "EXPERIENCE");
        reward.put("pointsPrice", 100);
        reward.put("stock", 1);
        reward.put("eligibleTiers", List.of(topTier));
        rewardId = as("marketer1")
                .body(reward)
                .post("/api/points/rewards")
                .then()
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .body("stock", equalTo(1))
                .extract()
                .path("id");
    }

    @Test
    @Order(2)
    void aMemberWhoReachedTheTopTierRedeemsItAndStaffFulfilTheCoupon() {
        // staff1 records purchases at S001 until the member's tier is the top one (the ladder may have been replaced)
        for (int i = 0; i < 30 && !topTier.equals(me(TOP_MEMBER).getString("tier")); i++) {
            purchase(topCard, CEILING_YEN);
        }
        assertEquals(topTier, me(TOP_MEMBER).getString("tier"));
        long balance = me(TOP_MEMBER).getLong("balance");

        couponCode = as(TOP_MEMBER)
                .header("Idempotency-Key", "vip-" + RUN)
                .post("/api/points/rewards/{id}/redemptions", rewardId)
                .then()
                .statusCode(SC_CREATED)
                .body("couponCode", notNullValue())
                .body("points", equalTo(100))
                .body("status", equalTo("ISSUED"))
                .extract()
                .path("couponCode");
        assertEquals(balance - 100, me(TOP_MEMBER).getLong("balance"));

        as("staff1")
                .get("/api/points/coupons/{code}", couponCode)
                .then()
                .statusCode(SC_OK)
                .body("rewardId", equalTo(rewardId))
                .body("cardCode", equalTo(topCard))
                .body("status", equalTo("ISSUED"));
        as("staff1")
                .post("/api/points/coupons/{code}/fulfil", couponCode)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("FULFILLED"));
        as(TOP_MEMBER)
                .get("/api/points/members/me/rewards")
                .then()
                .statusCode(SC_OK)
                .body("items[0].couponCode", equalTo(couponCode))
                .body("items[0].status", equalTo("FULFILLED"));
    }

    @Test
    @Order(3)
    void aLowerTierMemberIsRefused() {
        purchase(otherCard, 10_000);
        assertNotEquals(topTier, me(OTHER_MEMBER).getString("tier"));
        long balance = me(OTHER_MEMBER).getLong("balance");
        as(OTHER_MEMBER)
                .post("/api/points/rewards/{id}/redemptions", rewardId)
                .then()
                .statusCode(anyOf(equalTo(SC_FORBIDDEN), equalTo(409)));
        assertEquals(balance, me(OTHER_MEMBER).getLong("balance"));
    }

    @Test
    @Order(4)
    void aMemberDonatesPointsToACause() {
        String causeId = as("marketer1")
                .body(Map.of("name", "Forest of Tomorrow " + RUN, "matchingRatio", 0.5))
                .post("/api/points/causes")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        long before = as(OTHER_MEMBER)
                .get("/api/points/causes/{id}", causeId)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getLong("donatedPoints");
        long balance = me(OTHER_MEMBER).getLong("balance");

        as(OTHER_MEMBER)
                .header("Idempotency-Key", "give-" + RUN)
                .body(Map.of("points", 40))
                .post("/api/points/causes/{id}/donations", causeId)
                .then()
                .statusCode(SC_CREATED)
                .body("points", equalTo(40))
                .body("matchedPoints", equalTo(20));

        JsonPath cause = as("marketer1")
                .get("/api/points/causes/{id}", causeId)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(before + 40, cause.getLong("donatedPoints"));
        assertEquals(balance - 40, me(OTHER_MEMBER).getLong("balance"));
    }
}
