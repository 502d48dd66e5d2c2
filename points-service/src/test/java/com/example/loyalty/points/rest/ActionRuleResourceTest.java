package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.PointsApi.ADMIN;
import static com.example.loyalty.points.rest.PointsApi.MARKETER;
import static com.example.loyalty.points.rest.PointsApi.STAFF;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.SurveyWaves;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.ActionAwardRepository;
import com.example.loyalty.points.repository.CommunityAwardRepository;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The action rules through REST and the real broker: who may read and change them, what a change may be, and that an
 * action earns by the version valid when it happened, within the caps per member, action, day, month and year. Every
 * test that changes a rule puts the bootstrapped one back (from now), so the other test classes see the defaults.
 */
@QuarkusTest
class ActionRuleResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    CommunityAwardRepository communityAwards;

    @Inject
    ActionAwardRepository actionAwards;

    @Test
    void membersAndStaffMayNotReadOrChangeActionRules() {
        String member = TestTokens.newMember();
        for (String token : List.of(member, STAFF)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/points/action-rules")
                    .then()
                    .statusCode(SC_FORBIDDEN);
            change(token, "BIRTHDAY", Map.of("points", 1000)).statusCode(SC_FORBIDDEN);
        }
        given().when().get("/api/points/action-rules").then().statusCode(401);
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/points/action-rules")
                .then()
                .statusCode(SC_OK);
    }

    @Test
    void everyActionIsListedWithItsBootstrappedRule() {
        JsonPath rules = list();
        assertEquals(PointAction.values().length, rules.getList("action").size());
        assertEquals(50, rules.getLong("find { it.action == 'SURVEY_ANSWERED' }.current.points"));
        assertEquals(30, rules.getLong("find { it.action == 'ANSWER_ACCEPTED' }.current.points"));
        assertEquals(100, rules.getLong("find { it.action == 'ANSWER_ACCEPTED' }.current.dailyCap"));
        assertEquals(1000, rules.getLong("find { it.action == 'ANSWER_ACCEPTED' }.current.monthlyCap"));
        assertNull(rules.get("find { it.action == 'ANSWER_ACCEPTED' }.current.yearlyCap"), "no yearly cap");
        assertEquals(5, rules.getLong("find { it.action == 'POST_CREATED' }.current.points"));
        assertEquals(1, rules.getLong("find { it.action == 'REACTION_RECEIVED' }.current.points"));
        assertEquals(20, rules.getLong("find { it.action == 'EVENT_ATTENDED' }.current.points"));
        assertEquals(10, rules.getLong("find { it.action == 'REVIEW_POSTED' }.current.points"));
    }

    @SendsInvalidRequests("fractional points (1.5) and a rule without points")
    @Test
    void badRulesAre422AndChangeNothing() {
        String before = list().prettify();
        Map<String, Object> negative = Map.of("points", -1);
        change(MARKETER, "POST_CREATED", negative).statusCode(SC_UNPROCESSABLE_ENTITY);
        change(MARKETER, "POST_CREATED", Map.of("points", 50, "dailyCap", 40))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("dailyCap 40 is below the points 50"));
        change(MARKETER, "POST_CREATED", Map.of("points", 5, "dailyCap", 500, "monthlyCap", 100))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("dailyCap must not exceed monthlyCap"));
        change(MARKETER, "POST_CREATED", Map.of("points", 2_000_000)).statusCode(SC_UNPROCESSABLE_ENTITY);
        change(MARKETER, "POST_CREATED", Map.of("points", 5, "yearlyCap", 5_000_000_000L))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        change(
                        MARKETER,
                        "POST_CREATED",
                        Map.of(
                                "points",
                                5,
                                "validFrom",
                                Instant.now().minusSeconds(60).toString()))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("in the past"));
        change(MARKETER, "POST_CREATED", Map.of("points", 1.5)).statusCode(SC_BAD_REQUEST);
        change(MARKETER, "POST_CREATED", Map.of("dailyCap", 5)).statusCode(SC_BAD_REQUEST);
        change(MARKETER, "NO_SUCH_ACTION", Map.of("points", 5)).statusCode(SC_NOT_FOUND);
        assertEquals(before, list().prettify(), "nothing changed");
    }

    @Test
    void aScheduledVersionIsListedAndAChangeFromNowReplacesItAndIsAudited() {
        Instant later = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> scheduled = new HashMap<>(Map.of("points", 25, "dailyCap", 100, "monthlyCap", 1000));
        scheduled.put("validFrom", later.toString());
        scheduled.put("reason", "review month");
        change(MARKETER, "review_posted", scheduled)
                .statusCode(SC_OK)
                .body("action", equalTo("REVIEW_POSTED"))
                .body("current.points", equalTo(10))
                .body("current.validTo", equalTo(later.toString()))
                .body("scheduled[0].validFrom", equalTo(later.toString()))
                .body("scheduled", hasSize(1))
                .body("scheduled[0].points", equalTo(25))
                .body("scheduled[0].reason", equalTo("review month"));

        // back to the bootstrapped terms from now: the version in force ends now, the scheduled one never applies
        restore("REVIEW_POSTED", 10, 100L, 1000L)
                .body("current.points", equalTo(10))
                .body("current.validTo", nullValue())
                .body("scheduled", hasSize(0));

        JsonPath audit = given().auth()
                .oauth2(ADMIN)
                .queryParam("action", "ACTION_RULE_CHANGED")
                .queryParam("target", "REVIEW_POSTED")
                .when()
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertTrue(audit.getList("items").size() >= 2);
        assertEquals("ACTION_RULE", audit.getString("items[1].targetType"));
        assertEquals(25, audit.getLong("items[1].after.points"));
        assertEquals("review month", audit.getString("items[1].reason"));
        // the change from now replaced the scheduled version: its before names it, with an end at its own start
        assertEquals(2, audit.getList("items[0].before").size());
        assertEquals(25, audit.getLong("items[0].before[1].points"));
    }

    @Test
    void aRuleChangeLeavesActionsBeforeItAsTheyWere() {
        PointsApi.Enrolled m = enrol();
        Instant before = Instant.now().minus(Duration.ofMinutes(30));
        change(MARKETER, "REVIEW_POSTED", Map.of("points", 15, "dailyCap", 100, "monthlyCap", 1000))
                .statusCode(SC_OK);
        try {
            UUID earlier = UUID.randomUUID();
            UUID now = UUID.randomUUID();
            sendActivity(m.id(), EventTypes.REVIEW_POSTED, earlier, before);
            sendActivity(m.id(), EventTypes.REVIEW_POSTED, now, Instant.now());
            await().atMost(WAIT).untilAsserted(() -> assertEquals(25, PointsApi.balance(m)));
            assertEquals(10, community(earlier).points(), "posted before the change: the old rule");
            assertEquals(15, community(now).points(), "posted after it: the new rule");
        } finally {
            restore("REVIEW_POSTED", 10, 100L, 1000L);
        }
    }

    @Test
    void aSurveyAnswerEarnsByTheRuleValidWhenItWasAnswered() throws Exception {
        PointsApi.Enrolled m = enrol();
        Instant from = Instant.now().plusSeconds(3);
        change(MARKETER, "SURVEY_ANSWERED", Map.of("points", 80, "validFrom", from.toString()))
                .statusCode(SC_OK);
        try {
            // two surveys: one survey pays a member once in 30 days
            UUID earlySurvey = UUID.randomUUID();
            UUID earlyWave = SurveyWaves.publishedWave(earlySurvey);
            Instant answeredEarly = Instant.now();
            while (Instant.now().isBefore(from.plusMillis(200))) {
                Thread.sleep(100);
            }
            UUID lateSurvey = UUID.randomUUID();
            UUID lateWave = SurveyWaves.publishedWave(lateSurvey);
            // the early answer reaches points-service after the change: it still earns by the rule of its time
            sendSurvey(m.id(), earlySurvey, earlyWave, answeredEarly);
            sendSurvey(m.id(), lateSurvey, lateWave, Instant.now());
            await().atMost(WAIT).untilAsserted(() -> assertEquals(130, PointsApi.balance(m)));
            assertEquals(
                    50,
                    action(m, PointAction.SURVEY_ANSWERED, earlyWave.toString()).points());
            assertEquals(
                    80,
                    action(m, PointAction.SURVEY_ANSWERED, lateWave.toString()).points());
        } finally {
            restore("SURVEY_ANSWERED", 50, null, null);
        }
    }

    @Test
    void capsCountPerActionPerDayAndMonth() {
        PointsApi.Enrolled m = enrol();
        Instant day = LocalDate.of(2025, 9, 3).atTime(12, 0).atZone(TOKYO).toInstant();
        // four accepted answers (120) on one day: the day's cap of ANSWER_ACCEPTED (100) leaves 10 of the fourth
        for (int i = 0; i < 4; i++) {
            sendActivity(m.id(), EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), day.plusSeconds(i));
        }
        // a post the same day counts toward POST_CREATED's caps, not ANSWER_ACCEPTED's
        UUID post = UUID.randomUUID();
        sendActivity(m.id(), EventTypes.POST_CREATED, post, day.plusSeconds(10));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(105, PointsApi.balance(m)));
        assertEquals(5, community(post).points());
    }

    @Test
    void aYearlyCapStopsAnActionForTheRestOfTheYear() {
        PointsApi.Enrolled m = enrol();
        change(MARKETER, "EVENT_ATTENDED", Map.of("points", 20, "yearlyCap", 50))
                .statusCode(SC_OK)
                .body("current.yearlyCap", equalTo(50));
        try {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            UUID third = UUID.randomUUID();
            UUID fourth = UUID.randomUUID();
            Instant now = Instant.now();
            sendActivity(m.id(), EventTypes.EVENT_ATTENDED, first, now);
            sendActivity(m.id(), EventTypes.EVENT_ATTENDED, second, now.plusMillis(1));
            sendActivity(m.id(), EventTypes.EVENT_ATTENDED, third, now.plusMillis(2));
            sendActivity(m.id(), EventTypes.EVENT_ATTENDED, fourth, now.plusMillis(3));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertTrue(QuarkusTransaction.requiringNew()
                            .call(() -> communityAwards.find(fourth))
                            .isPresent()));
            assertEquals(50, PointsApi.balance(m));
            assertEquals(
                    List.of(20L, 20L, 10L, 0L),
                    List.of(first, second, third, fourth).stream()
                            .map(id -> community(id).points())
                            .toList());
            assertTrue(PointsApi.ledger(m)
                    .getList("items.reason", String.class)
                    .contains("community: event attended (capped: 10 of 20)"));
        } finally {
            restore("EVENT_ATTENDED", 20, 100L, 1000L);
        }
    }

    // --- helpers

    private static PointsApi.Enrolled enrol() {
        return PointsApi.enrolNewMember();
    }

    static io.restassured.response.ValidatableResponse change(String token, String action, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/points/action-rules/{action}", action)
                .then();
    }

    /** Puts an action's bootstrapped terms back, from now. */
    static io.restassured.response.ValidatableResponse restore(
            String action, long points, Long dailyCap, Long monthlyCap) {
        Map<String, Object> body = new HashMap<>();
        body.put("points", points);
        body.put("dailyCap", dailyCap);
        body.put("monthlyCap", monthlyCap);
        body.put("reason", "test: back to the defaults");
        return change(MARKETER, action, body).statusCode(SC_OK);
    }

    static JsonPath list() {
        return given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/points/action-rules")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    private CommunityAwardRepository.Award community(UUID contributionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> communityAwards.find(contributionId))
                .orElseThrow();
    }

    private ActionAwardRepository.Award action(PointsApi.Enrolled m, PointAction action, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> actionAwards.find(UUID.fromString(m.id()), action, key))
                .orElseThrow();
    }

    private static void sendActivity(String memberId, String type, UUID contributionId, Instant at) {
        CommunityActivity payload = new CommunityActivity(
                contributionId,
                UUID.randomUUID(),
                EventTypes.EVENT_ATTENDED.equals(type) ? null : UUID.randomUUID(),
                EventTypes.REVIEW_POSTED.equals(type) ? "P-001" : null,
                EventTypes.REVIEW_POSTED.equals(type) ? 5 : null,
                EventTypes.REACTION_RECEIVED.equals(type) ? UUID.randomUUID().toString() : null,
                3,
                at);
        EventEnvelope event = EventJson.envelope(type, CommunityActivity.SCHEMA_VERSION, at, memberId, payload);
        TestKafka.send(Topics.COMMUNITY_ACTIVITY, memberId, EventJson.write(event));
    }

    private static void sendSurvey(String memberId, UUID survey, UUID wave, Instant answeredAt) {
        SurveyResponded payload = new SurveyResponded(
                UUID.randomUUID(),
                survey,
                wave,
                memberId,
                null,
                false,
                "REGULAR",
                "APP",
                "S001",
                answeredAt,
                List.of(new SurveyResponded.Answer("nps", "NPS", null, 9, null, null, null)));
        EventEnvelope envelope = EventJson.envelope(
                EventTypes.SURVEY_RESPONDED, SurveyResponded.SCHEMA_VERSION, Instant.now(), memberId, payload);
        TestKafka.send(Topics.SURVEY_RESPONSES, memberId, EventJson.write(envelope));
    }
}
