package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestSurveys.csi;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static com.example.loyalty.metrics.TestSurveys.score;
import static com.example.loyalty.metrics.TestSurveys.text;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.events.SurveyResponded.Answer;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compare endpoint over the worked example of {@code ComparisonMathTest}, applied through the service: wave A
 * (200 NPS answers: 90 promoters, 60 passives, 50 detractors; NPS 20) and wave B (250: 130, 70, 50; NPS 32). Wave A
 * was answered on 15 February 2026 by GOLD members in store S001 through the app, wave B on 15 May 2026 by SILVER
 * members in store S002 at the till, so every kind of selector splits the answers the same way and gives the same
 * test: difference 12, SE √(33 + 24.704) = 7.5963, z = 1.5797, p = 0.1142, margin 1.959964 · 7.5963 = 14.8885.
 */
@QuarkusTest
class SurveyCompareResourceTest {

    private static final String COMPARE = "/api/metrics/surveys/{id}/compare";
    private static final String PROBLEM = "application/problem+json";
    private static final double E = 1e-4;
    private static final String Q1 = "period:2026-01-01..2026-03-31";
    private static final String Q2 = "period:2026-04-01..2026-06-30";

    private static final UUID SURVEY = UUID.randomUUID();
    private static final UUID WAVE_A = UUID.randomUUID();
    private static final UUID WAVE_B = UUID.randomUUID();
    /** CSI q1 answers: mean 80, s² = 250 in wave A; mean 90, s² = 62.5 in wave B (five each). */
    private static final int[] CSI_A = {70, 80, 90, 60, 100};

    private static final int[] CSI_B = {90, 95, 100, 85, 80};
    private static boolean seeded;

    @Inject
    SurveyResponseService responses;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        List<TestSurveys.Response> all = new ArrayList<>();
        Instant a = Instant.parse("2026-02-15T03:00:00Z");
        Instant b = Instant.parse("2026-05-15T03:00:00Z");
        int[] bandsA = {90, 60, 50};
        int[] bandsB = {130, 70, 50};
        int i = 0;
        for (int s : scores(bandsA)) {
            List<Answer> answers = new ArrayList<>(List.of(nps(s)));
            if (i < CSI_A.length) {
                answers.add(csi("q1", "PERCEIVED_QUALITY", CSI_A[i]));
            }
            if (i < 3) {
                answers.add(score("ces", "CES", 2 + i)); // CES only in wave A
            }
            if (i < 10) {
                answers.add(text("why", "because")); // TEXT: nothing to compare
            }
            all.add(response(SURVEY, WAVE_A, answers.toArray(Answer[]::new))
                    .at(a)
                    .tier("GOLD")
                    .store("S001")
                    .channel("APP"));
            i++;
        }
        i = 0;
        for (int s : scores(bandsB)) {
            List<Answer> answers = new ArrayList<>(List.of(nps(s)));
            if (i < CSI_B.length) {
                answers.add(csi("q1", "PERCEIVED_QUALITY", CSI_B[i]));
            }
            all.add(response(SURVEY, WAVE_B, answers.toArray(Answer[]::new))
                    .at(b)
                    .tier("SILVER")
                    .store("S002")
                    .channel("STORE"));
            i++;
        }
        TestSurveys.apply(responses, all.toArray(TestSurveys.Response[]::new));
        seeded = true;
    }

    @Test
    void twoWavesWithTheWorkedExample() {
        String nps = "questions.find { it.questionId == 'nps' }.";
        compare(MARKETER, SURVEY, "a", "wave:" + WAVE_A, "b", "wave:" + WAVE_B)
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("surveyId", equalTo(SURVEY.toString()))
                .body("zone", equalTo("Asia/Tokyo"))
                .body("a.selector", equalTo("wave:" + WAVE_A))
                .body("a.by", equalTo("wave"))
                .body("a.value", equalTo(WAVE_A.toString()))
                .body("a", not(hasKey("from")))
                .body("b.value", equalTo(WAVE_B.toString()))
                .body("alpha", closeTo(0.05, 1e-12))
                .body("confidenceLevel", closeTo(0.95, 1e-12))
                .body("criticalZ", closeTo(1.959964, 1e-6))
                // every question with a score (not the TEXT one), the overall CSI too
                .body("questions.questionId", containsInAnyOrder("nps", "q1", "ces", "CSI_OVERALL"))
                .body(nps + "type", equalTo("NPS"))
                .body(nps + "form", equalTo("net"))
                .body(nps + "comparable", equalTo(true))
                .body(nps + "keySet()", not(hasItem("reason")))
                // A: NPS 45 − 25 = 20, SE √33 = 5.7446, own margin 1.96 · 5.7446 = 11.2593
                .body(nps + "a.n", equalTo(200))
                .body(nps + "a.score", closeTo(20.0, E))
                .body(nps + "a.standardError", closeTo(5.7446, E))
                .body(nps + "a.marginOfError", closeTo(11.2593, E))
                .body(nps + "a.reliable", equalTo(true))
                // B: NPS 52 − 20 = 32, SE √24.704 = 4.9703, own margin 9.7418
                .body(nps + "b.n", equalTo(250))
                .body(nps + "b.score", closeTo(32.0, E))
                .body(nps + "b.standardError", closeTo(4.9703, E))
                .body(nps + "b.marginOfError", closeTo(9.7418, E))
                // the change: 12 ± 14.8885, z 1.5797, p 0.1142: not significant
                .body(nps + "difference", closeTo(12.0, E))
                .body(nps + "standardError", closeTo(7.5963, E))
                .body(nps + "z", closeTo(1.5797, E))
                .body(nps + "pValue", closeTo(0.1142, E))
                .body(nps + "marginOfError", closeTo(14.8885, E))
                .body(nps + "low", closeTo(-2.8885, E))
                .body(nps + "high", closeTo(26.8885, E))
                .body(nps + "significant", equalTo(false));
    }

    @Test
    void everyKindOfSelectorSplitsTheSameAnswers() {
        String[][] pairs = {
            {Q1, Q2},
            {"tier:GOLD", "tier:SILVER"},
            {"store:S001", "store:S002"},
            {"channel:APP", "channel:STORE"},
            {"tier:GOLD,period:..2026-03-31", "period:2026-04-01..,tier:SILVER"},
            {"wave:" + WAVE_A + "," + Q1, "wave:" + WAVE_B + "," + Q2}
        };
        for (String[] pair : pairs) {
            compare(MARKETER, SURVEY, "a", pair[0], "b", pair[1], "question", "nps")
                    .statusCode(SC_OK)
                    .body("questions", hasSize(1))
                    .body("questions[0].questionId", equalTo("nps"))
                    .body("questions[0].a.n", equalTo(200))
                    .body("questions[0].b.n", equalTo(250))
                    .body("questions[0].difference", closeTo(12.0, E))
                    .body("questions[0].standardError", closeTo(7.5963, E))
                    .body("questions[0].pValue", closeTo(0.1142, E))
                    .body("questions[0].marginOfError", closeTo(14.8885, E))
                    .body("questions[0].significant", equalTo(false));
        }
        compare(MARKETER, SURVEY, "a", Q1, "b", Q2)
                .statusCode(SC_OK)
                .body("a.selector", equalTo(Q1))
                .body("a", not(hasKey("by")))
                .body("a.from", equalTo("2026-01-01"))
                .body("a.to", equalTo("2026-03-31"))
                .body("b.from", equalTo("2026-04-01"));
        compare(MARKETER, SURVEY, "a", "period:2026-04-01..,tier:SILVER", "b", "tier:GOLD,period:..2026-03-31")
                .statusCode(SC_OK)
                .body("a.selector", equalTo("tier:SILVER,period:2026-04-01.."))
                .body("a", not(hasKey("to")))
                // the other way round: b − a = −12, the same p-value
                .body("questions.find { it.questionId == 'nps' }.difference", closeTo(-12.0, E))
                .body("questions.find { it.questionId == 'nps' }.z", closeTo(-1.5797, E))
                .body("questions.find { it.questionId == 'nps' }.pValue", closeTo(0.1142, E));
    }

    @Test
    void meansAndQuestionsThatCannotBeCompared() {
        String q1 = "questions.find { it.questionId == 'q1' }.";
        String overall = "questions.find { it.questionId == 'CSI_OVERALL' }.";
        String ces = "questions.find { it.questionId == 'ces' }.";
        compare(MARKETER, SURVEY, "a", Q1, "b", Q2)
                .statusCode(SC_OK)
                // CSI: 80 (Var 250/5 = 50) to 90 (Var 62.5/5 = 12.5): 10 ± 1.959964 · 7.9057 = 15.4949, p 0.2059
                .body(q1 + "form", equalTo("mean"))
                .body(q1 + "dimension", equalTo("PERCEIVED_QUALITY"))
                .body(q1 + "a.n", equalTo(5))
                .body(q1 + "a.score", closeTo(80.0, E))
                .body(q1 + "a.reliable", equalTo(false))
                .body(q1 + "difference", closeTo(10.0, E))
                .body(q1 + "standardError", closeTo(7.9057, E))
                .body(q1 + "z", closeTo(1.2649, E))
                .body(q1 + "pValue", closeTo(0.2059, E))
                .body(q1 + "marginOfError", closeTo(15.4949, E))
                .body(q1 + "significant", equalTo(false))
                // one CSI item: the overall CSI is the same
                .body(overall + "overall", equalTo(true))
                .body(overall + "pValue", closeTo(0.2059, E))
                // CES only answered in wave A: listed, not comparable, the test fields null
                .body(ces + "comparable", equalTo(false))
                .body(ces + "reason", equalTo("no answers on side b"))
                .body(ces + "a.n", equalTo(3))
                .body(ces + "b.n", equalTo(0))
                .body(ces + "b.score", nullValue())
                .body(ces + "keySet()", hasItem("pValue"))
                .body(ces + "pValue", nullValue())
                .body(ces + "significant", nullValue());
        // asked for alone, a question without answers on one side has nothing to compare
        compare(MARKETER, SURVEY, "a", Q1, "b", Q2, "question", "ces")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/empty-side"))
                .body("detail", containsString("side b"));
        compare(MARKETER, SURVEY, "a", Q1, "b", Q2, "question", "why")
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/not-comparable"))
                .body("detail", containsString("TEXT"));
        compare(MARKETER, SURVEY, "a", Q1, "b", Q2, "question", "nope")
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-question"))
                .body("detail", containsString("nps"));
    }

    @Test
    void anotherSignificanceLevel() {
        // α = 0.2: z₀.₉ = 1.281552; margin 1.281552 · 7.596315 = 9.7351 < 12: significant (p 0.1142 < 0.2)
        compare(MARKETER, SURVEY, "a", "wave:" + WAVE_A, "b", "wave:" + WAVE_B, "question", "nps", "alpha", "0.2")
                .statusCode(SC_OK)
                .body("alpha", closeTo(0.2, 1e-12))
                .body("confidenceLevel", closeTo(0.8, 1e-12))
                .body("criticalZ", closeTo(1.281552, 1e-6))
                .body("questions[0].pValue", closeTo(0.1142, E))
                .body("questions[0].marginOfError", closeTo(9.7351, E))
                .body("questions[0].significant", equalTo(true));
    }

    @Test
    void sidesWithoutAnswers() {
        // a known wave, but not in that period
        compare(MARKETER, SURVEY, "a", "wave:" + WAVE_A + ",period:2025-01-01..2025-12-31", "b", "wave:" + WAVE_B)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType(PROBLEM)
                .body("status", equalTo(SC_UNPROCESSABLE_ENTITY))
                .body("type", equalTo("https://loyalty.example.com/problems/empty-side"))
                .body("detail", containsString("side a"));
        // a quarter before the first answer
        compare(MARKETER, SURVEY, "a", "period:2025-10-01..2025-12-31", "b", Q1)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("period:2025-10-01..2025-12-31"));
        // a tier none of whose members answered
        compare(MARKETER, SURVEY, "a", "tier:GOLD", "b", "tier:PLATINUM")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("side b (tier:PLATINUM)"));
    }

    @Test
    void anUnknownWaveIsABadRequest() {
        UUID unknown = UUID.randomUUID();
        compare(MARKETER, SURVEY, "a", "wave:" + WAVE_A, "b", "wave:" + unknown)
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-wave"))
                .body("detail", containsString(unknown.toString()));
        compare(MARKETER, SURVEY, "a", "wave:" + unknown + "," + Q1, "b", "wave:" + WAVE_B)
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-wave"));
    }

    @Test
    @SendsInvalidRequests(
            "a missing or empty selector, an over-long one, an alpha not a decimal, a surveyId not a UUID")
    void badRequests() {
        Object[][] bad = {
            {"b", "wave:" + WAVE_B},
            {"a", "wave:" + WAVE_A},
            {"a", "", "b", "wave:" + WAVE_B},
            {"a", "wave:nope", "b", "wave:" + WAVE_B},
            {"a", "colour:red", "b", "colour:blue"},
            {"a", "tier:GOLD,store:S001", "b", "tier:SILVER"},
            {"a", "period:2026-03-31..2026-01-01", "b", Q2},
            {"a", "period:2026-02-30", "b", Q2},
            {"a", "wave:" + WAVE_A, "b", "wave:" + WAVE_A.toString().toUpperCase()},
            {"a", Q1, "b", Q1},
            {"a", Q1, "b", "period:2026-03-01..2026-06-30"},
            {"a", "tier:GOLD", "b", "store:S002"},
            {"a", "wave:" + WAVE_A, "b", Q2},
            {"a", Q1, "b", Q2, "alpha", "0.7"},
            {"a", Q1, "b", Q2, "alpha", "0.0"},
            {"a", Q1, "b", Q2, "alpha", "0"},
            {"a", Q1, "b", Q2, "alpha", "five percent"},
            {"a", "tier:" + "X".repeat(400), "b", Q2}
        };
        for (Object[] query : bad) {
            compare(MARKETER, SURVEY, query)
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM)
                    .body("status", equalTo(SC_BAD_REQUEST));
        }
        compare(MARKETER, SURVEY, "a", "wave:nope", "b", "wave:" + WAVE_B)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-selector"))
                .body("detail", equalTo("a: wave 'nope' is not a UUID"));
        compare(MARKETER, SURVEY, "a", Q1, "b", Q1)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-selector"))
                .body("detail", containsString("the same answers"));
        compare(MARKETER, SURVEY, "a", Q1, "b", "period:2026-03-01..2026-06-30")
                .body("detail", containsString("overlap"));
        compare(MARKETER, SURVEY, "a", "tier:GOLD", "b", "store:S002").body("detail", containsString("same dimension"));
        compare(MARKETER, "not-a-uuid", "a", Q1, "b", Q2)
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM);
    }

    @Test
    void anUnknownSurveyIsNotFound() {
        UUID unknown = UUID.randomUUID();
        compare(MARKETER, unknown, "a", Q1, "b", Q2)
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-survey"))
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void onlyMarketersAndAdminsCompare() {
        compare(ADMIN, SURVEY, "a", Q1, "b", Q2).statusCode(SC_OK);
        compare(TestTokens.newMember(), SURVEY, "a", Q1, "b", Q2).statusCode(SC_FORBIDDEN);
        compare(TestTokens.token("staff-1", "staff"), SURVEY, "a", Q1, "b", Q2).statusCode(SC_FORBIDDEN);
        given().queryParam("a", Q1)
                .queryParam("b", Q2)
                .when()
                .get(COMPARE, SURVEY)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType(PROBLEM);
    }

    @Test
    void theEndpointIsDocumented() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body(
                        "paths.'/api/metrics/surveys/{surveyId}/compare'.get.responses.keySet()",
                        containsInAnyOrder("200", "400", "401", "403", "404", "406", "415", "422"))
                .body(
                        "paths.'/api/metrics/surveys/{surveyId}/compare'.get.parameters.name",
                        containsInAnyOrder("surveyId", "a", "b", "question", "alpha"))
                .body(
                        "components.schemas.QuestionComparisonResponse.properties.keySet()",
                        hasItems("difference", "standardError", "marginOfError", "z", "pValue", "significant"))
                .body(
                        "paths.'/api/metrics/surveys/{surveyId}/compare'.get.description",
                        containsString("(p₊ + p₋ − (p₊ − p₋)²)/n"));
    }

    /** Band counts {promoters, passives, detractors} as NPS scores (9/10, 7/8, 0–6 in turn). */
    private static int[] scores(int[] bands) {
        int[] scores = new int[bands[0] + bands[1] + bands[2]];
        int k = 0;
        for (int i = 0; i < bands[0]; i++) {
            scores[k++] = 9 + i % 2;
        }
        for (int i = 0; i < bands[1]; i++) {
            scores[k++] = 7 + i % 2;
        }
        for (int i = 0; i < bands[2]; i++) {
            scores[k++] = i % 7;
        }
        return scores;
    }

    private static ValidatableResponse compare(String token, Object surveyId, Object... query) {
        var request = given().config(TestSurveys.DOUBLES).auth().oauth2(token);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i].toString(), query[i + 1]);
        }
        return request.when().get(COMPARE, surveyId).then();
    }
}
