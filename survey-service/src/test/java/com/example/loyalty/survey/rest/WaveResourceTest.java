package com.example.loyalty.survey.rest;

import static com.example.loyalty.survey.SurveyApi.MARKETER;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WaveResourceTest {

    @Test
    void aNextWaveCanBeAddedOnceTheCurrentOneIsClosed() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String first = SurveyApi.openWaveId(survey);
        Instant opens = in(Duration.ofHours(1));
        Instant closes = in(Duration.ofDays(10));
        Map<String, Object> next = wave("2026 Q3", opens, closes, Map.of("type", "ALL"));

        // the first wave runs 30 days from now: a window inside it overlaps
        SurveyApi.addWave(survey, next)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/overlapping-wave"))
                .body("detail", containsString(first));

        SurveyApi.closeWave(survey, first)
                .statusCode(SC_OK)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        SurveyApi.closeWave(survey, first).statusCode(SC_CONFLICT).body("type", endsWith("/wave-closed"));

        var created = SurveyApi.addWave(survey, next)
                .statusCode(SC_CREATED)
                .body("name", equalTo("2026 Q3"))
                .body("surveyId", equalTo(survey))
                .body("opensAt", equalTo(opens.toString()))
                .body("closesAt", equalTo(closes.toString()))
                .body("status", equalTo("SCHEDULED"))
                .body("target.type", equalTo("ALL"))
                .body("closedAt", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(
                created.header("Location").endsWith("/api/surveys/" + survey + "/waves/" + id),
                created.header("Location"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves/{w}", survey, id)
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(id))
                .body("status", equalTo("SCHEDULED"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves", survey)
                .then()
                .statusCode(SC_OK)
                .body("$", hasSize(2))
                .body("id", equalTo(List.of(first, id)))
                .body("status", equalTo(List.of("CLOSED", "SCHEDULED")));
        // no open wave now: the survey shows none
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}", survey)
                .then()
                .statusCode(SC_OK)
                .body("openWave", nullValue());

        // a third wave may not overlap the second, and may follow it directly
        SurveyApi.addWave(
                        survey,
                        wave("overlap", closes.minus(Duration.ofHours(1)), closes.plus(Duration.ofDays(1)), null))
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/overlapping-wave"));
        SurveyApi.addWave(survey, wave("after", closes, closes.plus(Duration.ofDays(1)), null))
                .statusCode(SC_CREATED)
                .body("name", equalTo("after"));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void theWindowMustEndAfterItStartsAndInTheFuture() {
        String survey = surveyWithoutOpenWave();
        SurveyApi.addWave(survey, wave("backwards", in(Duration.ofDays(2)), in(Duration.ofDays(1)), null))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-window"))
                .body("detail", containsString("after opensAt"));
        SurveyApi.addWave(survey, wave("empty", in(Duration.ofDays(1)), in(Duration.ofDays(1)), null))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", endsWith("/invalid-window"));
        SurveyApi.addWave(survey, wave("past", in(Duration.ofDays(-3)), in(Duration.ofDays(-1)), null))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("past"));
        SurveyApi.addWave(survey, wave("forever", in(Duration.ofDays(1)), in(Duration.ofDays(1000)), null))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", endsWith("/invalid-window"));
        Map<String, Object> noEnd = new HashMap<>();
        noEnd.put("name", "no end");
        SurveyApi.addWave(survey, noEnd).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body("{\"closesAt\": \"tomorrow\"}")
                .when()
                .post("/api/surveys/{id}/waves", survey)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves", survey)
                .then()
                .statusCode(SC_OK)
                .body("$", hasSize(1));
    }

    @Test
    void opensAtDefaultsToNow() {
        String survey = surveyWithoutOpenWave();
        Instant before = Instant.now().minusSeconds(1);
        var wave = SurveyApi.addWave(
                        survey, Map.of("closesAt", in(Duration.ofDays(7)).toString()))
                .statusCode(SC_CREATED)
                .body("status", equalTo("OPEN"))
                .body("name", equalTo("Wave 2"))
                .extract();
        assertTrue(Instant.parse(wave.path("opensAt")).isAfter(before));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}", survey)
                .then()
                .statusCode(SC_OK)
                .body("openWave.id", equalTo(wave.path("id")));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void targetsAreCheckedAndKept() {
        String survey = surveyWithoutOpenWave();
        String m1 = UUID.randomUUID().toString();
        String m2 = UUID.randomUUID().toString();
        SurveyApi.addWave(
                        survey,
                        wave(
                                "tiers",
                                in(Duration.ofDays(1)),
                                in(Duration.ofDays(2)),
                                Map.of("type", "TIER", "tiers", List.of("gold", "Platinum", "GOLD"))))
                .statusCode(SC_CREATED)
                .body("target.type", equalTo("TIER"))
                .body("target.tiers", equalTo(List.of("GOLD", "PLATINUM")))
                .body("target.memberIds", hasSize(0));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "members",
                                in(Duration.ofDays(3)),
                                in(Duration.ofDays(4)),
                                Map.of("type", "MEMBERS", "memberIds", List.of(m1, m2, m1))))
                .statusCode(SC_CREATED)
                .body("target.type", equalTo("MEMBERS"))
                .body("target.memberIds", hasSize(2))
                .body("target.memberIds", org.hamcrest.Matchers.containsInAnyOrder(m1, m2));

        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)), Map.of("type", "TIER")))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", endsWith("/invalid-target"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "MEMBERS", "memberIds", List.of())))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "ALL", "tiers", List.of("GOLD"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("TIER"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "TIER", "tiers", List.of("gold tier"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "MEMBERS", "memberIds", List.of("not-a-uuid"))))
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)), Map.of("type", "COHORT")))
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves", survey)
                .then()
                .statusCode(SC_OK)
                .body("$", hasSize(3));
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void segmentAndQuadrantTargetsNameKnownSegmentsAndQuadrants() {
        String survey = surveyWithoutOpenWave();
        String segments = SurveyApi.addWave(
                        survey,
                        wave(
                                "segments",
                                in(Duration.ofDays(1)),
                                in(Duration.ofDays(2)),
                                Map.of("type", "SEGMENT", "segments", List.of("at_risk", "CANT_LOSE_THEM", "AT_RISK"))))
                .statusCode(SC_CREATED)
                .body("target.type", equalTo("SEGMENT"))
                .body("target.segments", equalTo(List.of("AT_RISK", "CANT_LOSE_THEM")))
                .body("target.quadrants", hasSize(0))
                .body("target.tiers", hasSize(0))
                .body("target.memberIds", hasSize(0))
                .extract()
                .path("id");
        SurveyApi.addWave(
                        survey,
                        wave(
                                "quadrants",
                                in(Duration.ofDays(3)),
                                in(Duration.ofDays(4)),
                                Map.of("type", "QUADRANT", "quadrants", List.of("unknown", "FIX_EXPERIENCE"))))
                .statusCode(SC_CREATED)
                .body("target.type", equalTo("QUADRANT"))
                .body("target.quadrants", equalTo(List.of("UNKNOWN", "FIX_EXPERIENCE")))
                .body("target.segments", hasSize(0));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves/{w}", survey, segments)
                .then()
                .statusCode(SC_OK)
                .body("target.segments", equalTo(List.of("AT_RISK", "CANT_LOSE_THEM")));

        // unknown names: 422 naming them and the known ones; nothing is stored
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "SEGMENT", "segments", List.of("CHAMPIONS", "VIP", "big spenders"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-target"))
                .body("detail", containsString("'VIP', 'big spenders'"))
                .body(
                        "detail",
                        containsString("CHAMPIONS, CANT_LOSE_THEM, LOYAL, AT_RISK, NEW, PROMISING, POTENTIAL_LOYALIST, "
                                + "NEED_ATTENTION, ABOUT_TO_SLEEP, HIBERNATING, LOST, OTHERS"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "QUADRANT", "quadrants", List.of("FAN"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", endsWith("/invalid-target"))
                .body("detail", containsString("'FAN'"))
                .body("detail", containsString("KEEP_AND_REWARD, LATENT_FAN, TEMPORARY_FAN, FIX_EXPERIENCE, UNKNOWN"));
        java.util.List<Object> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "QUADRANT", "quadrants", withNull)))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", endsWith("/invalid-target"));
        // a list missing for its type, or given for another type
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)), Map.of("type", "SEGMENT")))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("target.segments"))
                .body("detail", containsString("HIBERNATING"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "QUADRANT", "quadrants", List.of())))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("LATENT_FAN"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of(
                                        "type",
                                        "SEGMENT",
                                        "segments",
                                        List.of("LOYAL"),
                                        "quadrants",
                                        List.of("UNKNOWN"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("target.quadrants only apply to a QUADRANT target"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "TIER", "tiers", List.of("GOLD"), "segments", List.of("LOYAL"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("target.segments only apply to a SEGMENT target"));
        SurveyApi.addWave(
                        survey,
                        wave(
                                "t",
                                in(Duration.ofDays(5)),
                                in(Duration.ofDays(6)),
                                Map.of("type", "ALL", "quadrants", List.of("UNKNOWN"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY);
        // a segment name is not a target type
        SurveyApi.addWave(
                        survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)), Map.of("type", "CHAMPIONS")))
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves", survey)
                .then()
                .statusCode(SC_OK)
                .body("$", hasSize(3));
    }

    @Test
    void publishingChecksTheFirstWavesSegmentsToo() {
        String survey = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.publish(survey, Map.of("target", Map.of("type", "SEGMENT", "segments", List.of("WHALES"))))
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-target"))
                .body("detail", containsString("'WHALES'"))
                .body("detail", containsString("POTENTIAL_LOYALIST"));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}", survey)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void onlyPublishedSurveysGetWaves() {
        String draft = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.addWave(draft, wave("w", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/survey-not-published"))
                .body("detail", containsString("DRAFT"));
        String closed = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        SurveyApi.close(closed).statusCode(SC_OK);
        SurveyApi.addWave(closed, wave("w", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(SC_CONFLICT)
                .body("detail", containsString("CLOSED"));
    }

    @Test
    void closingTheSurveyClosesScheduledWavesToo() {
        String survey = surveyWithoutOpenWave();
        String scheduled = SurveyApi.addWave(
                        survey, wave("later", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        SurveyApi.close(survey).statusCode(SC_OK);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves/{w}", survey, scheduled)
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void unknownSurveysAndWavesAre404() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String other = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String otherWave = SurveyApi.openWaveId(other);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves/{w}", survey, otherWave)
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-wave"));
        SurveyApi.closeWave(survey, otherWave).statusCode(SC_NOT_FOUND);
        String unknown = UUID.randomUUID().toString();
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{s}/waves", unknown)
                .then()
                .statusCode(SC_NOT_FOUND)
                .body("type", endsWith("/unknown-survey"));
        SurveyApi.addWave(unknown, wave("w", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    void membersCannotManageWaves() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String member = TestTokens.newMember();
        given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(wave("w", in(Duration.ofDays(40)), in(Duration.ofDays(41)), null))
                .when()
                .post("/api/surveys/{id}/waves", survey)
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(member)
                .when()
                .get("/api/surveys/{id}/waves", survey)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(member)
                .when()
                .post("/api/surveys/{id}/waves/{w}/close", survey, SurveyApi.openWaveId(survey))
                .then()
                .statusCode(SC_FORBIDDEN);
        given().when()
                .get("/api/surveys/{id}/waves", survey)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/surveys/{id}/waves", survey)
                .then()
                .statusCode(SC_OK)
                .body("$", hasSize(1))
                .body("[0].status", equalTo("OPEN"));
    }

    /** A published survey whose first wave has been closed, so new windows are free. */
    private static String surveyWithoutOpenWave() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        SurveyApi.closeWave(survey, SurveyApi.openWaveId(survey)).statusCode(SC_OK);
        return survey;
    }

    private static Map<String, Object> wave(String name, Instant opensAt, Instant closesAt, Map<String, ?> target) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("opensAt", opensAt.toString());
        body.put("closesAt", closesAt.toString());
        if (target != null) {
            body.put("target", target);
        }
        return body;
    }

    private static Instant in(Duration d) {
        return Instant.now().plus(d).truncatedTo(ChronoUnit.SECONDS);
    }
}
