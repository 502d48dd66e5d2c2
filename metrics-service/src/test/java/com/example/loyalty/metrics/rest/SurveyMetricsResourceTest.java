package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestSurveys.SURVEY;
import static com.example.loyalty.metrics.TestSurveys.choice;
import static com.example.loyalty.metrics.TestSurveys.csi;
import static com.example.loyalty.metrics.TestSurveys.felt;
import static com.example.loyalty.metrics.TestSurveys.metrics;
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
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The survey metric endpoint over data applied through the service (the consumer has its own tests). */
@QuarkusTest
class SurveyMetricsResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final double E = 1e-3;

    @Inject
    SurveyResponseService responses;

    @Test
    void everyQuestionTypeWithItsMetric() {
        UUID s = UUID.randomUUID();
        TestSurveys.apply(
                responses,
                response(
                        s,
                        null,
                        nps(10),
                        score("keep", "CONTINUED_USE", 9),
                        score("nrs", "NRS", 5),
                        csi("q1", "PERCEIVED_QUALITY", 70),
                        csi("q2", "PERCEIVED_VALUE", 80),
                        score("ces", "CES", 2),
                        felt("effort", false),
                        score("dwb", "DWB", 1),
                        choice("pick", "a"),
                        text("why", "fine")),
                response(
                        s,
                        null,
                        nps(8),
                        score("keep", "CONTINUED_USE", 6),
                        score("nrs", "NRS", 4),
                        csi("q1", "PERCEIVED_QUALITY", 90),
                        csi("q2", "PERCEIVED_VALUE", 60),
                        score("ces", "CES", 9),
                        felt("effort", true),
                        score("dwb", "DWB", 3),
                        choice("pick", "b")),
                response(
                        s,
                        null,
                        nps(0),
                        score("keep", "CONTINUED_USE", 10),
                        score("nrs", "NRS", 2),
                        csi("q1", "PERCEIVED_QUALITY", 100),
                        score("ces", "CES", 4),
                        felt("effort", false),
                        score("dwb", "DWB", 1),
                        choice("pick", "b"),
                        text("why", "slow")));

        String q = "questions.find { it.questionId == '%s' }.";
        metrics(MARKETER, s)
                .statusCode(SC_OK)
                .contentType("application/json")
                .body(
                        "questions.questionId",
                        contains(
                                "nps", "keep", "nrs", "q1", "q2", "ces", "effort", "dwb", "pick", "why", "CSI_OVERALL"))
                // NPS: 10, 8, 0
                .body(q.formatted("nps") + "n", equalTo(3))
                .body(q.formatted("nps") + "promoters", equalTo(1))
                .body(q.formatted("nps") + "passives", equalTo(1))
                .body(q.formatted("nps") + "detractors", equalTo(1))
                .body(q.formatted("nps") + "score", equalTo(0.0))
                // 1/3 + 1/3 − 0 = 2/3; / 3 = 0.2222; √ = 0.4714; × 196 = 92.3953
                .body(q.formatted("nps") + "marginOfError", closeTo(92.3953, E))
                .body(q.formatted("nps") + "reliable", equalTo(false))
                .body(q.formatted("nps") + "minimumSample", equalTo(30))
                // continued use: 9, 6, 10: 66.67% − 33.33%
                .body(q.formatted("keep") + "type", equalTo("CONTINUED_USE"))
                .body(q.formatted("keep") + "promoters", equalTo(2))
                .body(q.formatted("keep") + "score", closeTo(33.3333, E))
                // NRS: 5, 4, 2
                .body(q.formatted("nrs") + "repeaters", equalTo(1))
                .body(q.formatted("nrs") + "neutrals", equalTo(1))
                .body(q.formatted("nrs") + "atRisk", equalTo(1))
                .body(q.formatted("nrs") + "score", equalTo(0.0))
                // CSI q1: 70, 90, 100: mean 86.667
                .body(q.formatted("q1") + "dimension", equalTo("PERCEIVED_QUALITY"))
                .body(q.formatted("q1") + "n", equalTo(3))
                .body(q.formatted("q1") + "score", closeTo(86.6667, E))
                // Σx = 260, Σx² = 4900 + 8100 + 10000 = 23000; s² = (3·23000 − 67600)/6 = 1400/6 = 233.33;
                // s = 15.2753; MoE = 1.96 · 15.2753 / √3 = 17.2855
                .body(q.formatted("q1") + "standardDeviation", closeTo(15.2753, E))
                .body(q.formatted("q1") + "marginOfError", closeTo(17.2855, E))
                .body(q.formatted("q1") + "minimumSample", equalTo(100))
                // CSI q2: 80, 60 (the third response skipped it): mean 70, s = 14.1421, MoE = 1.96 · 14.1421/√2 = 19.6
                .body(q.formatted("q2") + "n", equalTo(2))
                .body(q.formatted("q2") + "score", closeTo(70.0, E))
                .body(q.formatted("q2") + "marginOfError", closeTo(19.6, E))
                // overall CSI pools the five answers 70, 90, 100, 80, 60: mean 80, MoE 13.8593
                .body(q.formatted("CSI_OVERALL") + "overall", equalTo(true))
                .body(q.formatted("CSI_OVERALL") + "type", equalTo("CSI"))
                .body(q.formatted("CSI_OVERALL") + "n", equalTo(5))
                .body(q.formatted("CSI_OVERALL") + "score", closeTo(80.0, E))
                .body(q.formatted("CSI_OVERALL") + "marginOfError", closeTo(13.8593, E))
                // CES: 2, 9, 4: mean 5
                .body(q.formatted("ces") + "score", closeTo(5.0, E))
                .body(q.formatted("ces") + "distribution.'9'", equalTo(1))
                // CES yes/no: 1 effort, 2 no effort: 66.67 − 33.33
                .body(q.formatted("effort") + "effort", equalTo(1))
                .body(q.formatted("effort") + "noEffort", equalTo(2))
                .body(q.formatted("effort") + "score", closeTo(33.3333, E))
                // DWB: 1, 3, 1: two of three are 1
                .body(q.formatted("dwb") + "topBox", equalTo(2))
                .body(q.formatted("dwb") + "score", closeTo(66.6667, E))
                // 1.96 · √(2/3 · 1/3 / 3) · 100 = 1.96 · √0.074074 · 100 = 1.96 · 0.272166 · 100 = 53.3444
                .body(q.formatted("dwb") + "marginOfError", closeTo(53.3444, E))
                .body(q.formatted("pick") + "choices.a", equalTo(1))
                .body(q.formatted("pick") + "choices.b", equalTo(2))
                .body(q.formatted("pick") + "score", nullValue())
                .body(q.formatted("why") + "n", equalTo(2))
                .body(q.formatted("why") + "score", nullValue());
    }

    @Test
    void aDailySeriesCountsDaysInTokyoAndShowsEmptyDays() {
        UUID s = seriesSurvey();
        metrics(MARKETER, s, "interval", "day", "from", "2026-03-01", "to", "2026-03-04")
                .statusCode(SC_OK)
                .body("interval", equalTo("day"))
                .body("zone", equalTo("Asia/Tokyo"))
                .body("from", equalTo("2026-03-01"))
                .body("to", equalTo("2026-03-04"))
                .body("questions[0].n", equalTo(3))
                .body("periods.start", contains("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"))
                .body("periods.end", contains("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"))
                // 14:59:59 UTC is still 1 March in Tokyo; 15:00 UTC is 2 March
                .body("periods[0].questions[0].n", equalTo(1))
                .body("periods[0].questions[0].score", equalTo(100.0))
                .body("periods[1].questions[0].n", equalTo(1))
                .body("periods[1].questions[0].score", equalTo(-100.0))
                .body("periods[2].questions[0].n", equalTo(0))
                .body("periods[2].questions[0].score", nullValue())
                .body("periods[2].questions[0].marginOfError", nullValue())
                .body("periods[3].questions[0].n", equalTo(1));
    }

    @Test
    void weeklyAndMonthlySeries() {
        UUID s = seriesSurvey();
        // 1 March 2026 is a Sunday: its week is cut to that one day
        metrics(MARKETER, s, "interval", "WEEK", "from", "2026-03-01", "to", "2026-03-31")
                .statusCode(SC_OK)
                .body("interval", equalTo("week"))
                .body(
                        "periods.start",
                        contains("2026-03-01", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"))
                .body(
                        "periods.end",
                        contains("2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29", "2026-03-31"))
                .body("periods.collect { it.questions[0].n }", contains(1, 2, 0, 1, 0, 0));
        metrics(MARKETER, s, "interval", "month", "from", "2026-03-01", "to", "2026-04-30")
                .statusCode(SC_OK)
                .body("periods.start", contains("2026-03-01", "2026-04-01"))
                .body("periods.end", contains("2026-03-31", "2026-04-30"))
                .body("periods.collect { it.questions[0].n }", contains(4, 1))
                .body("questions[0].n", equalTo(5));
    }

    @Test
    void aRangeWithoutIntervalFiltersTheOverallMetric() {
        UUID s = seriesSurvey();
        metrics(MARKETER, s, "from", "2026-03-02", "to", "2026-03-16")
                .statusCode(SC_OK)
                .body("periods", nullValue())
                .body("questions[0].n", equalTo(3));
        metrics(MARKETER, s)
                .statusCode(SC_OK)
                .body("questions[0].n", equalTo(5))
                .body("from", nullValue());
    }

    @Test
    void breakdownsByStoreChannelAndWave() {
        UUID s = UUID.randomUUID();
        UUID w1 = UUID.randomUUID();
        UUID w2 = UUID.randomUUID();
        TestSurveys.apply(
                responses,
                response(s, w1, nps(10)).store("S1").channel("APP"),
                response(s, w1, nps(0)).store("S1").channel("STORE"),
                response(s, w2, nps(9)).store("S2").channel("APP"),
                response(s, w2, nps(8)).store(null).channel("WEB"));
        metrics(MARKETER, s, "by", "store")
                .statusCode(SC_OK)
                .body("by", equalTo("store"))
                .body("questions[0].n", equalTo(4))
                .body("groups.value", contains("S1", "S2", "UNKNOWN"))
                .body("groups.collect { it.questions[0].n }", contains(2, 1, 1))
                .body("groups[0].questions[0].score", equalTo(0.0))
                .body("groups[1].questions[0].score", equalTo(100.0));
        metrics(MARKETER, s, "by", "Channel")
                .statusCode(SC_OK)
                .body("groups.value", contains("APP", "STORE", "WEB"))
                .body("groups.collect { it.questions[0].n }", contains(2, 1, 1))
                .body("groups[0].questions[0].promoters", equalTo(2));
        metrics(MARKETER, s, "by", "wave")
                .statusCode(SC_OK)
                .body("groups", hasSize(2))
                .body("groups.find { it.value == '" + w1 + "' }.questions[0].n", equalTo(2))
                .body("groups.find { it.value == '" + w2 + "' }.questions[0].passives", equalTo(1))
                .body(
                        "groups[0].value",
                        equalTo(w1.toString().compareTo(w2.toString()) < 0 ? w1.toString() : w2.toString()));
        // both together: every period has its groups
        metrics(MARKETER, s, "interval", "day", "from", "2026-03-09", "to", "2026-03-10", "by", "channel")
                .statusCode(SC_OK)
                .body("groups.value", contains("APP", "STORE", "WEB"))
                .body("periods[0].groups", hasSize(0))
                .body("periods[1].groups.value", contains("APP", "STORE", "WEB"))
                .body("periods[1].groups[0].questions[0].n", equalTo(2));
    }

    @Test
    @SendsInvalidRequests("an unknown interval or breakdown, malformed dates, a surveyId that is not a UUID")
    void badParametersAreBadRequests() {
        UUID s = seriesSurvey();
        Object[][] bad = {
            {"interval", "hour"},
            {"by", "colour"},
            {"from", "2026-13-01"},
            {"from", "01/03/2026"},
            {"to", "2026-02-30"},
            {"from", "2026-03-05", "to", "2026-03-01"},
            {"interval", "day", "from", "2020-01-01", "to", "2026-01-01"},
            {"interval", "day", "from", "2099-01-01"}
        };
        for (Object[] query : bad) {
            metrics(MARKETER, s, query)
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM)
                    .body("status", equalTo(SC_BAD_REQUEST));
        }
        metrics(MARKETER, s, "from", "2026-03-05", "to", "2026-03-01")
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-range"))
                .body("detail", containsString("after"));
        metrics(MARKETER, s, "interval", "hour")
                .statusCode(SC_BAD_REQUEST)
                .body("violations[0].message", equalTo("must be day, week or month"));
        metrics(MARKETER, "not-a-uuid").statusCode(SC_BAD_REQUEST).contentType(PROBLEM);
    }

    @Test
    void anUnknownSurveyIsNotFound() {
        UUID unknown = UUID.randomUUID();
        metrics(MARKETER, unknown)
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-survey"))
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void onlyMarketersAndAdminsReadSurveyMetrics() {
        UUID s = seriesSurvey();
        metrics(ADMIN, s).statusCode(SC_OK);
        metrics(TestTokens.newMember(), s).statusCode(SC_FORBIDDEN);
        metrics(TestTokens.token("staff-1", "staff"), s).statusCode(SC_FORBIDDEN);
        given().when()
                .get(SURVEY, s)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
    }

    /** Five NPS answers: 1 Mar (twice around Tokyo midnight), 4 Mar, 16 Mar, 2 Apr. */
    private UUID seriesSurvey() {
        UUID s = UUID.randomUUID();
        TestSurveys.apply(
                responses,
                response(s, null, nps(10)).at(Instant.parse("2026-03-01T14:59:59Z")),
                response(s, null, nps(0)).at(Instant.parse("2026-03-01T15:00:00Z")),
                response(s, null, nps(9)).at(Instant.parse("2026-03-04T03:00:00Z")),
                response(s, null, nps(5)).at(Instant.parse("2026-03-16T03:00:00Z")),
                response(s, null, nps(7)).at(Instant.parse("2026-04-02T03:00:00Z")));
        return s;
    }
}
