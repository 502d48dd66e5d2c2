package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.loyalty.survey.SurveyApi.MARKETER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WaveResourceTest {

    private static final int CREATED = 201;
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int UNPROCESSABLE = 422;

    @Test
    void aNextWaveCanBeAddedOnceTheCurrentOneIsClosed() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String first = SurveyApi.openWaveId(survey);
        Instant opens = in(Duration.ofHours(1));
        Instant closes = in(Duration.ofDays(10));
        Map<String, Object> next = wave("2026 Q3", opens, closes, Map.of("type", "ALL"));

        // the first wave runs 30 days from now: a window inside it overlaps
        SurveyApi.addWave(survey, next).statusCode(CONFLICT).contentType("application/problem+json")
                .body("type", endsWith("/overlapping-wave"))
                .body("detail", containsString(first));

        SurveyApi.closeWave(survey, first).statusCode(OK).body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
        SurveyApi.closeWave(survey, first).statusCode(CONFLICT).body("type", endsWith("/wave-closed"));

        var created = SurveyApi.addWave(survey, next).statusCode(CREATED)
                .body("name", equalTo("2026 Q3"))
                .body("surveyId", equalTo(survey))
                .body("opensAt", equalTo(opens.toString()))
                .body("closesAt", equalTo(closes.toString()))
                .body("status", equalTo("SCHEDULED"))
                .body("target.type", equalTo("ALL"))
                .body("closedAt", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/surveys/" + survey + "/waves/" + id), created.header("Location"));
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves/{w}", survey, id)
                .then().statusCode(OK).body("id", equalTo(id)).body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves", survey)
                .then().statusCode(OK)
                .body("$", hasSize(2))
                .body("id", equalTo(List.of(first, id)))
                .body("status", equalTo(List.of("CLOSED", "SCHEDULED")));
        // no open wave now: the survey shows none
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}", survey)
                .then().statusCode(OK).body("openWave", nullValue());

        // a third wave may not overlap the second, and may follow it directly
        SurveyApi.addWave(survey, wave("overlap", closes.minus(Duration.ofHours(1)), closes.plus(Duration.ofDays(1)), null))
                .statusCode(CONFLICT).body("type", endsWith("/overlapping-wave"));
        SurveyApi.addWave(survey, wave("after", closes, closes.plus(Duration.ofDays(1)), null))
                .statusCode(CREATED).body("name", equalTo("after"));
    }

    @Test
    void theWindowMustEndAfterItStartsAndInTheFuture() {
        String survey = surveyWithoutOpenWave();
        SurveyApi.addWave(survey, wave("backwards", in(Duration.ofDays(2)), in(Duration.ofDays(1)), null))
                .statusCode(UNPROCESSABLE).contentType("application/problem+json")
                .body("type", endsWith("/invalid-window")).body("detail", containsString("after opensAt"));
        SurveyApi.addWave(survey, wave("empty", in(Duration.ofDays(1)), in(Duration.ofDays(1)), null))
                .statusCode(UNPROCESSABLE).body("type", endsWith("/invalid-window"));
        SurveyApi.addWave(survey, wave("past", in(Duration.ofDays(-3)), in(Duration.ofDays(-1)), null))
                .statusCode(UNPROCESSABLE).body("detail", containsString("past"));
        SurveyApi.addWave(survey, wave("forever", in(Duration.ofDays(1)), in(Duration.ofDays(1000)), null))
                .statusCode(UNPROCESSABLE).body("type", endsWith("/invalid-window"));
        Map<String, Object> noEnd = new HashMap<>();
        noEnd.put("name", "no end");
        SurveyApi.addWave(survey, noEnd).statusCode(BAD_REQUEST).contentType("application/problem+json");
        given().auth().oauth2(MARKETER).contentType(ContentType.JSON).body("{\"closesAt\": \"tomorrow\"}")
                .when().post("/api/surveys/{id}/waves", survey)
                .then().statusCode(BAD_REQUEST).contentType("application/problem+json");
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves", survey)
                .then().statusCode(OK).body("$", hasSize(1));
    }

    @Test
    void opensAtDefaultsToNow() {
        String survey = surveyWithoutOpenWave();
        Instant before = Instant.now().minusSeconds(1);
        var wave = SurveyApi.addWave(survey, Map.of("closesAt", in(Duration.ofDays(7)).toString()))
                .statusCode(CREATED).body("status", equalTo("OPEN")).body("name", equalTo("Wave 2")).extract();
        assertTrue(Instant.parse(wave.path("opensAt")).isAfter(before));
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}", survey)
                .then().statusCode(OK).body("openWave.id", equalTo(wave.path("id")));
    }

    @Test
    void targetsAreCheckedAndKept() {
        String survey = surveyWithoutOpenWave();
        String m1 = UUID.randomUUID().toString();
        String m2 = UUID.randomUUID().toString();
        SurveyApi.addWave(survey, wave("tiers", in(Duration.ofDays(1)), in(Duration.ofDays(2)),
                        Map.of("type", "TIER", "tiers", List.of("gold", "Platinum", "GOLD"))))
                .statusCode(CREATED).body("target.type", equalTo("TIER"))
                .body("target.tiers", equalTo(List.of("GOLD", "PLATINUM")))
                .body("target.memberIds", hasSize(0));
        SurveyApi.addWave(survey, wave("members", in(Duration.ofDays(3)), in(Duration.ofDays(4)),
                        Map.of("type", "MEMBERS", "memberIds", List.of(m1, m2, m1))))
                .statusCode(CREATED).body("target.type", equalTo("MEMBERS"))
                .body("target.memberIds", hasSize(2))
                .body("target.memberIds", org.hamcrest.Matchers.containsInAnyOrder(m1, m2));

        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)), Map.of("type", "TIER")))
                .statusCode(UNPROCESSABLE).body("type", endsWith("/invalid-target"));
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)),
                Map.of("type", "MEMBERS", "memberIds", List.of()))).statusCode(UNPROCESSABLE);
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)),
                Map.of("type", "ALL", "tiers", List.of("GOLD")))).statusCode(UNPROCESSABLE)
                .body("detail", containsString("TIER"));
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)),
                Map.of("type", "TIER", "tiers", List.of("gold tier")))).statusCode(UNPROCESSABLE);
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)),
                Map.of("type", "MEMBERS", "memberIds", List.of("not-a-uuid")))).statusCode(BAD_REQUEST)
                .contentType("application/problem+json");
        SurveyApi.addWave(survey, wave("t", in(Duration.ofDays(5)), in(Duration.ofDays(6)),
                Map.of("type", "SEGMENT"))).statusCode(BAD_REQUEST).contentType("application/problem+json");
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves", survey)
                .then().statusCode(OK).body("$", hasSize(3));
    }

    @Test
    void onlyPublishedSurveysGetWaves() {
        String draft = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.addWave(draft, wave("w", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(CONFLICT).body("type", endsWith("/survey-not-published")).body("detail", containsString("DRAFT"));
        String closed = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        SurveyApi.close(closed).statusCode(OK);
        SurveyApi.addWave(closed, wave("w", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(CONFLICT).body("detail", containsString("CLOSED"));
    }

    @Test
    void closingTheSurveyClosesScheduledWavesToo() {
        String survey = surveyWithoutOpenWave();
        String scheduled = SurveyApi.addWave(survey, wave("later", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null))
                .statusCode(CREATED).extract().path("id");
        SurveyApi.close(survey).statusCode(OK);
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves/{w}", survey, scheduled)
                .then().statusCode(OK).body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
    }

    @Test
    void unknownSurveysAndWavesAre404() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String other = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String otherWave = SurveyApi.openWaveId(other);
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves/{w}", survey, otherWave)
                .then().statusCode(NOT_FOUND).contentType("application/problem+json").body("type", endsWith("/unknown-wave"));
        SurveyApi.closeWave(survey, otherWave).statusCode(NOT_FOUND);
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{s}/waves", unknown)
                .then().statusCode(NOT_FOUND).body("type", endsWith("/unknown-survey"));
        SurveyApi.addWave(unknown, wave("w", in(Duration.ofDays(1)), in(Duration.ofDays(2)), null)).statusCode(NOT_FOUND);
    }

    @Test
    void membersCannotManageWaves() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String member = TestTokens.newMember();
        given().auth().oauth2(member).contentType(ContentType.JSON)
                .body(wave("w", in(Duration.ofDays(40)), in(Duration.ofDays(41)), null))
                .when().post("/api/surveys/{id}/waves", survey)
                .then().statusCode(FORBIDDEN).contentType("application/problem+json");
        given().auth().oauth2(member).when().get("/api/surveys/{id}/waves", survey).then().statusCode(FORBIDDEN);
        given().auth().oauth2(member).when().post("/api/surveys/{id}/waves/{w}/close", survey, SurveyApi.openWaveId(survey))
                .then().statusCode(FORBIDDEN);
        given().when().get("/api/surveys/{id}/waves", survey).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(MARKETER).when().get("/api/surveys/{id}/waves", survey)
                .then().statusCode(OK).body("$", hasSize(1)).body("[0].status", equalTo("OPEN"));
    }

    /** A published survey whose first wave has been closed, so new windows are free. */
    private static String surveyWithoutOpenWave() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        SurveyApi.closeWave(survey, SurveyApi.openWaveId(survey)).statusCode(OK);
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
