package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static com.example.loyalty.e2e.LoyaltyStack.balance;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10's story through the gateway with real tokens: a marketer opens a space; member1 asks, member2 answers and
 * member1 accepts; member2 earns the accepted answer's points in points-service (over Kafka) and climbs a community
 * rank; the marketer reads the analytics; an admin hides member1's spam post and the points it earned are taken back;
 * a banned member1 gets 403 on posting.
 */
@org.junit.jupiter.api.extension.ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** points-service's shipped points per community action (points.community-award.*). */
    private static final long POST_POINTS = 5;

    private static final long ACCEPTED_ANSWER_POINTS = 30;

    private static String spaceId;
    private static String questionId;
    private static String answerId;
    private static long member1Balance;
    private static long member2Balance;
    private static JsonPath member2Before;

    @BeforeAll
    static void bothMembersAreEnrolledAndKnownToTheCommunity() {
        for (String member : List.of("member1", "member2")) {
            as(member).post("/api/points/members/me").then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
            // the community learns of the enrolment over member-events
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> as(member).get("/api/community/members/me").statusCode() == SC_OK);
        }
        member1Balance = balance("member1");
        member2Balance = balance("member2");
        member2Before = as("member2")
                .get("/api/community/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    @Test
    @Order(1)
    void aMarketerOpensASpace() {
        spaceId = as("marketer1")
                .body(Map.of("name", "Coffee lovers " + RUN, "description", "Brewing, beans and our stores"))
                .post("/api/community/spaces")
                .then()
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .extract()
                .path("id");
        as("member1")
                .get("/api/community/spaces")
                .then()
                .statusCode(SC_OK)
                .body("id", org.hamcrest.Matchers.hasItem(spaceId));
    }

    @Test
    @Order(2)
    void member1AsksMember2AnswersAndMember1Accepts() {
        questionId = as("member1")
                .body(Map.of(
                        "kind", "QUESTION",
                        "title", "How fine should I grind for a V60?",
                        "body", "Medium-fine? **Paper** filter, 15 g of beans."))
                .post("/api/community/spaces/" + spaceId + "/posts")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        answerId = as("member2")
                .body(Map.of("body", "Like table salt, and a 1:16 ratio."))
                .post("/api/community/posts/" + questionId + "/comments")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        as("member1")
                .body(Map.of("commentId", answerId))
                .post("/api/community/posts/" + questionId + "/accepted-answer")
                .then()
                .statusCode(anyOf(is(SC_OK), is(SC_CREATED), is(204)));
        as("member2")
                .get("/api/community/posts/" + questionId)
                .then()
                .statusCode(SC_OK)
                .body("solved", is(true))
                .body("body", equalTo("Medium-fine? **Paper** filter, 15 g of beans."));
    }

    @Test
    @Order(3)
    void member2EarnsTheAcceptedAnswersPoints() {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> balance("member2") == member2Balance + ACCEPTED_ANSWER_POINTS);
        // the question earned member1 a post's points
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> balance("member1") == member1Balance + POST_POINTS);
        member1Balance += POST_POINTS;
    }

    @Test
    @Order(4)
    void member2sCommunityRankRises() {
        JsonPath after = as("member2")
                .get("/api/community/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertTrue(after.getLong("score") > member2Before.getLong("score"), "score rises");
        assertNotEquals(member2Before.getString("rank.code"), after.getString("rank.code"), "rank rises");
        assertEquals("MEMBER", after.getString("rank.code"));
    }

    @Test
    @Order(5)
    void theMarketerSeesTheAnalytics() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        JsonPath analytics = as("marketer1")
                .queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString())
                .queryParam("space", spaceId)
                .get("/api/community/analytics")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(1, analytics.getInt("totals.posts"));
        assertEquals(1, analytics.getInt("totals.comments"));
        assertEquals(1.0, analytics.getDouble("questions.answeredShare"), 1e-9);
        assertTrue(analytics.getList("topContributors.memberId").size() >= 2, "both members contributed");
        as("member1").get("/api/community/analytics").then().statusCode(SC_FORBIDDEN);
    }

    @Test
    @Order(6)
    void anAdminHidesASpamPostAndItsPointsAreTakenBack() {
        String spam = as("member1")
                .body(Map.of("kind", "DISCUSSION", "title", "CHEAP BEANS!!!", "body", "visit example.invalid"))
                .post("/api/community/spaces/" + spaceId + "/posts")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> balance("member1") == member1Balance + POST_POINTS);
        as("admin1")
                .body(Map.of("reason", "spam"))
                .post("/api/community/posts/" + spam + "/hide")
                .then()
                .statusCode(anyOf(is(SC_OK), is(204)));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> balance("member1") == member1Balance);
        as("member2")
                .get("/api/community/spaces/" + spaceId + "/posts")
                .then()
                .statusCode(SC_OK)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(spam)));
    }

    @Test
    @Order(7)
    void aBannedMemberGets403OnPosting() {
        String member1Id =
                as("member1").get("/api/points/members/me").then().extract().path("id");
        as("admin1")
                .body(Map.of("reason", "repeated spam"))
                .post("/api/community/members/" + member1Id + "/ban")
                .then()
                .statusCode(anyOf(is(SC_OK), is(204)));
        try {
            as("member1")
                    .body(Map.of("kind", "DISCUSSION", "title", "again", "body", "more spam"))
                    .post("/api/community/spaces/" + spaceId + "/posts")
                    .then()
                    .statusCode(SC_FORBIDDEN)
                    .body("type", org.hamcrest.Matchers.endsWith("/banned"));
            // reading still works
            as("member1")
                    .get("/api/community/posts/" + questionId)
                    .then()
                    .statusCode(SC_OK)
                    .body("commentCount", greaterThan(0))
                    .body("commentCount", lessThan(2));
        } finally {
            as("admin1")
                    .body(Map.of("reason", "story over"))
                    .post("/api/community/members/" + member1Id + "/unban")
                    .then()
                    .statusCode(anyOf(is(SC_OK), is(204)));
        }
    }
}
