package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static com.example.loyalty.e2e.LoyaltyStack.balance;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3's story through the gateway with real tokens: marketer1 publishes an NPS survey with a reason
 * question, member1 (promoter) and member2 (detractor) answer, the metric shows NPS 0 from n = 2 and is
 * flagged unreliable, the detractor lands in the follow-up queue and is resolved, and member1 earns the
 * survey award exactly once.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyStoryIT {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(60);

    private static String surveyId;
    private static long member1BalanceBefore;

    @BeforeAll
    static void membersAreEnrolled() {
        for (String member : List.of("member1", "member2")) {
            as(member).post("/api/points/members/me").then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
        }
        member1BalanceBefore = balance("member1");
    }

    @Test
    @Order(1)
    void marketerCreatesAndPublishesAnNpsSurvey() {
        Map<String, Object> survey = Map.of(
                "title", Map.of("en", "How are we doing?", "ja", "ご意見をお聞かせください"),
                "anonymous", false,
                "questions",
                        List.of(
                                Map.of(
                                        "id",
                                        "nps",
                                        "type",
                                        "NPS",
                                        "required",
                                        true,
                                        "text",
                                        Map.of(
                                                "en",
                                                "How likely are you to recommend us to a friend?",
                                                "ja",
                                                "友人に勧める可能性はどのくらいですか？")),
                                Map.of(
                                        "id",
                                        "reason",
                                        "type",
                                        "TEXT",
                                        "text",
                                        Map.of("en", "Why did you give that score?"))));
        surveyId = as("marketer1")
                .body(survey)
                .post("/api/surveys")
                .then()
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .extract()
                .path("id")
                .toString();
        as("marketer1").post("/api/surveys/{id}/publish", surveyId).then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
    }

    @Test
    @Order(2)
    void membersAnswerOnceAndOutOfRangeIsRefused() {
        as("member1").get("/api/surveys/me/open").then().statusCode(SC_OK).body(containsString(surveyId));

        as("member1")
                .body(answer(10, "Friendly staff"))
                .post("/api/surveys/{id}/responses", surveyId)
                .then()
                .statusCode(SC_CREATED);
        as("member1")
                .body(answer(9, "again"))
                .post("/api/surveys/{id}/responses", surveyId)
                .then()
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json");

        as("member2")
                .body(answer(11, "too high"))
                .post("/api/surveys/{id}/responses", surveyId)
                .then()
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body(containsString("nps"));
        as("member2")
                .body(answer(3, "The checkout queue was far too long"))
                .post("/api/surveys/{id}/responses", surveyId)
                .then()
                .statusCode(SC_CREATED);
    }

    @Test
    @Order(3)
    void theMetricIsNpsZeroFromTwoAnswersAndNotReliable() {
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var body = as("marketer1")
                    .get("/api/metrics/surveys/{id}", surveyId)
                    .then()
                    .statusCode(SC_OK)
                    .body("surveyId", equalTo(surveyId))
                    .extract()
                    .jsonPath();
            Map<String, Object> nps = body.getMap("questions.find { it.questionId == 'nps' }");
            assertNotNull(nps, "nps question in " + body.prettify());
            assertEquals("NPS", nps.get("type"));
            assertEquals(2, ((Number) nps.get("n")).intValue());
            assertEquals(0.0, ((Number) nps.get("score")).doubleValue(), 1e-9);
            assertEquals(1, ((Number) nps.get("promoters")).intValue());
            assertEquals(0, ((Number) nps.get("passives")).intValue());
            assertEquals(1, ((Number) nps.get("detractors")).intValue());
            assertNotNull(nps.get("marginOfError"));
            assertEquals(false, nps.get("reliable"));
        });
    }

    @Test
    @Order(4)
    void theDetractorIsFollowedUpAndResolved() {
        String[] followUpId = new String[1];
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var page = as("marketer1")
                    .queryParam("status", "open")
                    .queryParam("surveyId", surveyId)
                    .queryParam("size", 100)
                    .get("/api/metrics/follow-ups")
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items.findAll { it.surveyId == '" + surveyId + "' }");
            assertEquals(1, items.size(), "one follow-up for the detractor: " + page.prettify());
            Map<String, Object> item = items.get(0);
            assertEquals("nps", item.get("questionId"));
            assertEquals(3, ((Number) item.get("score")).intValue());
            assertEquals("The checkout queue was far too long", item.get("reason"));
            assertEquals("open", item.get("status"));
            assertNotNull(item.get("memberId"));
            followUpId[0] = item.get("id").toString();
        });

        as("marketer1")
                .body(Map.of("status", "resolved", "note", "Called the member, apologised, sent a coupon"))
                .patch("/api/metrics/follow-ups/{id}", followUpId[0])
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("resolved"));
        List<String> stillOpen = as("marketer1")
                .queryParam("status", "open")
                .queryParam("surveyId", surveyId)
                .get("/api/metrics/follow-ups")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
        assertFalse(stillOpen.contains(followUpId[0]));
    }

    @Test
    @Order(5)
    void member1EarnedTheSurveyAwardExactlyOnce() {
        await().atMost(KAFKA_WAIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(member1BalanceBefore + 50, balance("member1")));
        List<String> types = as("member1")
                .queryParam("size", 100)
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items.referenceType", String.class);
        assertEquals(1, types.stream().filter("SURVEY"::equals).count(), "one survey award in " + types);
    }

    @Test
    @Order(6)
    void aMemberCallingAMarketerEndpointIsForbidden() {
        as("member1")
                .get("/api/metrics/surveys/{id}", surveyId)
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json");
        as("member1").get("/api/metrics/follow-ups").then().statusCode(SC_FORBIDDEN);
        as("member1")
                .body(Map.of("title", Map.of("en", "x"), "questions", List.of()))
                .post("/api/surveys")
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    private static Map<String, Object> answer(int nps, String reason) {
        return Map.of("answers", Map.of("nps", nps, "reason", reason), "channel", "APP", "storeId", "S001");
    }
}
