package com.example.loyalty.metrics;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ObservabilityTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        await().atMost(TestEvents.PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("Database connections health check",
                                "Kafka connection health check"))
                        .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP")));
    }

    @Test
    void consumedEventsAreCountedForPrometheus() {
        String member = TestEvents.newMemberId();
        TestEvents.send(TestEvents.purchase(member, 100, Instant.now()));
        await().atMost(TestEvents.PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                TestEvents.activity(TestEvents.MARKETER, member).statusCode(200));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("metrics_events_consumed_total{type=\"PointsEarned\"}"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("metrics-service"))
                .body("paths.'/api/metrics/members/{memberId}/activity'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"));
    }

    @Test
    void theOpenApiDocumentDescribesTheSurveyEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/metrics/surveys/{surveyId}'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"))
                .body("paths.'/api/metrics/surveys/{surveyId}'.get.parameters.name",
                        hasItems("surveyId", "interval", "by", "from", "to"))
                .body("paths.'/api/metrics/follow-ups'.get.parameters.name",
                        hasItems("status", "surveyId", "kind", "storeId", "assignee", "page", "size"))
                .body("paths.'/api/metrics/follow-ups/{id}'.patch.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "409"))
                .body("components.schemas.QuestionMetricResponse.properties.keySet()",
                        hasItems("questionId", "type", "n", "score", "promoters", "passives", "detractors",
                                "marginOfError", "reliable"));
    }

    @Test
    void surveyCountersAreExposedFromTheStart() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("follow_ups_opened_total{kind=\"DETRACTOR\"}"))
                .body(containsString("follow_ups_opened_total{kind=\"HIGH_EFFORT\"}"))
                .body(containsString("outbox_pending"));
    }
}
