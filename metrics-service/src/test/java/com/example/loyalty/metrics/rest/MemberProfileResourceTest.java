package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loyalty quadrant and the member profile over a known population in SEK (a currency no other test uses): three
 * members who buy often and much (A, C, E) and two who bought once, long ago (B, D); A promoter, B promoter, C
 * detractor, D passive (low by default), E never answered.
 */
@QuarkusTest
class MemberProfileResourceTest {

    private static final String CURRENCY = "SEK";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ActivityService activities;

    @Inject
    SurveyResponseService surveys;

    @Inject
    MemberDirectoryRepository directory;

    private final Map<String, String> ids = new java.util.HashMap<>();

    @BeforeEach
    void population() {
        for (String m : List.of("A", "B", "C", "D", "E")) {
            ids.put(m, UUID.randomUUID().toString());
        }
        LocalDate today = LocalDate.now(TOKYO);
        List<EventEnvelope> events = new ArrayList<>();
        for (String m : List.of("A", "C", "E")) {
            for (int d = 1; d <= 8; d++) {
                events.add(TestEvents.purchase(
                        ids.get(m),
                        50_000,
                        CURRENCY,
                        today.minusDays(d).atTime(12, 0).atZone(TOKYO).toInstant()));
            }
        }
        for (String m : List.of("B", "D")) {
            events.add(TestEvents.purchase(
                    ids.get(m),
                    1_000,
                    CURRENCY,
                    today.minusDays(300).atTime(12, 0).atZone(TOKYO).toInstant()));
        }
        activities.applyAll(events);
        UUID survey = UUID.randomUUID();
        TestSurveys.apply(
                surveys,
                response(survey, null, nps(10)).member(ids.get("A")),
                response(survey, null, nps(9)).member(ids.get("B")),
                response(survey, null, nps(2)).member(ids.get("C")),
                response(survey, null, nps(8)).member(ids.get("D")));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .when()
                .post("/api/metrics/rfm/recompute")
                .then()
                .statusCode(SC_OK);
    }

    @Test
    void everyMemberIsPlacedWithTheActionOfTheirQuadrant() {
        JsonPath counts = given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/quadrants")
                .then()
                .statusCode(SC_OK)
                .body(
                        "quadrants.name",
                        equalTo(List.of("keep-and-reward", "latent-fan", "temporary-fan", "fix-experience", "unknown")))
                .body("quadrants[1].action", equalTo("Give a reason to act"))
                .extract()
                .jsonPath();
        long sum = counts.getList("quadrants.members", Long.class).stream()
                .mapToLong(Long::longValue)
                .sum();
        assertEquals(counts.getLong("total"), sum);

        assertIn("keep-and-reward", "A");
        assertIn("latent-fan", "B");
        assertIn("temporary-fan", "C");
        assertIn("fix-experience", "D");
        assertIn("unknown", "E");

        String csv = given().auth()
                .oauth2(MARKETER)
                .accept("text/csv")
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/quadrants/temporary-fan/members")
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals(
                "memberId,quadrant,action,attitudeType,attitudeScore,answeredAt,recencyScore,frequencyScore,"
                        + "monetaryScore,segment,attitudeBasis,communityContributions,communityScore",
                lines.get(0));
        assertTrue(
                lines.contains(ids.get("C") + ",TEMPORARY_FAN,Grow attachment,NPS,2," + TestSurveys.ANSWERED
                        + ",5,5,5,CHAMPIONS,SURVEY,0,0"),
                csv);
    }

    @Test
    void theBrandSeesEverythingTheMemberOnlyTheirOwnFigures() {
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/members/{id}/profile", ids.get("A"))
                .then()
                .statusCode(SC_OK)
                .body("memberId", equalTo(ids.get("A")))
                .body("rfm.segment", equalTo("CHAMPIONS"))
                .body("rfm.r", equalTo(5))
                .body("rfm.frequency", equalTo(8))
                .body("rfm.monetary", equalTo(4000.0f))
                .body("quadrant.quadrant", equalTo("KEEP_AND_REWARD"))
                .body("quadrant.action", equalTo("Keep and reward"))
                .body("quadrant.attitudeScore", equalTo(10))
                .body("ltv.purchases", equalTo(8))
                .body("clv", nullValue()) // no model fitted for SEK
                .body("lastAnswers[0].answers[0].score", equalTo(10));

        String subject = "sub-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> directory.linkAll(Map.of(UUID.fromString(ids.get("A")), subject)));
        String member = TestTokens.token(subject, "member");
        given().auth()
                .oauth2(member)
                .queryParam("currency", CURRENCY)
                .when()
                .get("/api/metrics/members/me/profile")
                .then()
                .statusCode(SC_OK)
                .body("memberId", equalTo(ids.get("A")))
                .body("purchases.frequency", equalTo(8))
                .body("purchases.daysSinceLastPurchase", equalTo(1))
                .body("$", not(hasKey("rfm")))
                .body("$", not(hasKey("quadrant")))
                .body("$", not(hasKey("clv")))
                .body("lastAnswers[0].answers[0].score", equalTo(10));
        // a member reaches nobody's profile by id, not even their own
        given().auth()
                .oauth2(member)
                .when()
                .get("/api/metrics/members/{id}/profile", ids.get("A"))
                .then()
                .statusCode(SC_FORBIDDEN);
        // a login the metrics do not know yet
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get("/api/metrics/members/me/profile")
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    @SendsInvalidRequests("a memberId that is not a UUID and a four-letter currency")
    void badOrUnknownInputIsAProblemNeverAnError() {
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/metrics/members/{id}/profile", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND)
                .body("title", notNullValue());
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/metrics/members/{id}/profile", "not-a-uuid")
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "XXXX")
                .when()
                .get("/api/metrics/members/{id}/profile", ids.get("A"))
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "QQQ")
                .when()
                .get("/api/metrics/quadrants")
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/metrics/quadrants/fans/members")
                .then()
                .statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("size", "0")
                .when()
                .get("/api/metrics/quadrants/unknown/members")
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get("/api/metrics/quadrants")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().when().get("/api/metrics/quadrants").then().statusCode(SC_UNAUTHORIZED);
    }

    private void assertIn(String quadrant, String member) {
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", CURRENCY)
                .queryParam("size", 1000)
                .when()
                .get("/api/metrics/quadrants/{name}/members", quadrant)
                .then()
                .statusCode(SC_OK)
                .body("items.memberId", hasItem(ids.get(member)));
    }
}
