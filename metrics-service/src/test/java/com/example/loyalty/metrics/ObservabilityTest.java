package com.example.loyalty.metrics;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import com.example.loyalty.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What metrics-service shows of itself beyond {@link HealthTest}: its own meters and endpoints. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void consumedEventsAreCountedForPrometheus() {
        String member = TestEvents.newMemberId();
        TestEvents.send(TestEvents.purchase(member, 100, Instant.now()));
        await().atMost(TestEvents.PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> TestEvents.activity(TestEvents.MARKETER, member).statusCode(SC_OK));
        given().when()
                .get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(SC_OK)
                .body(containsString("loyalty_metrics_events_consumed_total{"
                        + "consumer=\"loyalty-transactions\",outcome=\"applied\"}"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body(
                        "paths.'/api/metrics/members/{memberId}/activity'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"));
    }

    @Test
    void theOpenApiDocumentDescribesTheSurveyEndpoints() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body(
                        "paths.'/api/metrics/surveys/{surveyId}'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"))
                .body(
                        "paths.'/api/metrics/surveys/{surveyId}'.get.parameters.name",
                        hasItems("surveyId", "interval", "by", "from", "to"))
                .body(
                        "paths.'/api/metrics/follow-ups'.get.parameters.name",
                        hasItems("status", "surveyId", "kind", "storeId", "assignee", "page", "size"))
                .body(
                        "paths.'/api/metrics/follow-ups/{id}'.patch.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "409"))
                .body(
                        "components.schemas.QuestionMetricResponse.properties.keySet()",
                        hasItems(
                                "questionId",
                                "type",
                                "n",
                                "score",
                                "promoters",
                                "passives",
                                "detractors",
                                "marginOfError",
                                "reliable"));
    }

    @Test
    void surveyMetersAreExposedFromTheStart() {
        given().when()
                .get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(SC_OK)
                .body(containsString("loyalty_metrics_follow_ups_opened_total{kind=\"DETRACTOR\"}"))
                .body(containsString("loyalty_metrics_follow_ups_opened_total{kind=\"HIGH_EFFORT\"}"))
                .body(containsString("loyalty_metrics_survey_responses_batch_size_count"))
                .body(containsString("loyalty_metrics_survey_responses_batch_duration_seconds_count"));
    }
}
