package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Issue 12's tier story through the gateway with real tokens (docs/tiers.md): a fresh member reaches SILVER by two
 * purchases at the till; marketer1 previews a stricter ladder (SILVER from 50,000 JPY: the member would move down),
 * publishes it with a grace of 0 days, waits for the re-evaluation the change starts, and the member is downgraded.
 * The ladder found at the start is put back at the end, since other stories share the stack.
 */
@ExtendWith(LoyaltyStack.class)
@Order(9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TierEvaluationStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIMBER = "climber-" + RUN;

    private static String climberCard;

    @BeforeAll
    static void aClimberIsEnrolled() {
        KeycloakUsers.create(LoyaltyStack.config(), CLIMBER, "member");
        climberCard = as(CLIMBER)
                .body(Map.of())
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("cardCode");
    }

    @Test
    @Order(1)
    void aMemberReachesSilverByPurchasesThenAStricterLadderDowngradesThemAfterTheGracePeriod() {
        Map<String, Object> original = ladder();
        try {
            for (int i = 1; i <= 2; i++) {
                as("staff1")
                        .body(TillPurchases.at("TIER-" + RUN + "-" + i, climberCard, 20_000))
                        .post("/api/points/purchases")
                        .then()
                        .statusCode(SC_CREATED);
            }
            as(CLIMBER).get("/api/points/members/me").then().statusCode(SC_OK).body("tier", equalTo("SILVER"));
            as(CLIMBER)
                    .get("/api/points/members/me/tier-progress")
                    .then()
                    .statusCode(SC_OK)
                    .body("tier", equalTo("SILVER"))
                    .body("current.spend", equalTo(40_000))
                    .body("current.purchases", equalTo(2))
                    .body("keep.qualifies", equalTo(true));

            Map<String, Object> stricter = stricter(original);
            JsonPath preview = as("marketer1")
                    .body(stricter)
                    .post("/api/points/tiers/preview")
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .jsonPath();
            assertTrue(preview.getLong("movedDown") >= 1, preview.prettify());
            assertTrue(preview.getLong("tiers.find { it.code == 'REGULAR' }.members") >= 1, preview.prettify());

            String evaluationId = as("marketer1")
                    .body(stricter)
                    .put("/api/points/tiers")
                    .then()
                    .statusCode(SC_OK)
                    .body("downgrade.graceDays", equalTo(0))
                    .extract()
                    .path("evaluationId");
            JsonPath done = awaitDone(evaluationId);
            assertTrue(done.getLong("downgraded") >= 1, done.prettify());
            as(CLIMBER).get("/api/points/members/me").then().statusCode(SC_OK).body("tier", equalTo("REGULAR"));
            as(CLIMBER)
                    .get("/api/points/members/me/tier-progress")
                    .then()
                    .statusCode(SC_OK)
                    .body("nextTier", equalTo("SILVER"))
                    .body("needed.spend", equalTo(10_000));
        } finally {
            original.remove("version");
            original.remove("evaluationId");
            String restore = as("marketer1")
                    .body(original)
                    .put("/api/points/tiers")
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .path("evaluationId");
            awaitDone(restore);
        }
    }

    private static Map<String, Object> ladder() {
        return new LinkedHashMap<>(as("marketer1")
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getMap(""));
    }

    /** The ladder with SILVER from 50,000 JPY and downgrades at the first evaluation (no grace). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stricter(Map<String, Object> original) {
        Map<String, Object> body = new LinkedHashMap<>(original);
        body.remove("version");
        body.remove("evaluationId");
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) original.get("tiers")) {
            Map<String, Object> tier = new LinkedHashMap<>(t);
            if ("SILVER".equals(tier.get("code"))) {
                tier.put("thresholdSpend", 50_000);
            }
            tiers.add(tier);
        }
        assertEquals("SILVER", tiers.get(1).get("code"), "the story expects the demo ladder");
        body.put("tiers", tiers);
        body.put("downgrade", Map.of("graceDays", 0, "maxSteps", 1));
        return body;
    }

    private static JsonPath awaitDone(String evaluationId) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = as("marketer1")
                    .get("/api/points/tiers/evaluations/" + evaluationId)
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .jsonPath();
            return !"RUNNING".equals(last[0].getString("status"));
        });
        assertEquals("DONE", last[0].getString("status"), last[0].prettify());
        return last[0];
    }
}
