package com.example.loyalty.survey;

import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** The operational endpoints every service exposes: health, metrics, OpenAPI. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check",
                        "SmallRye Reactive Messaging - readiness check"))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        // requests to /q/* are not timed; one API call makes the HTTP server timer appear
        given().auth().oauth2(TestTokens.newMember()).when().get("/api/surveys/me/open").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/surveys/me/open\""))
                .body(containsString("outbox_pending"));
    }

    @Test
    void openApiDescribesTheService() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("title: survey-service"))
                .body(not(containsString("Preliminary")))
                .body(containsString("/api/surveys/me/open"))
                .body(containsString("/api/surveys/{surveyId}/responses"))
                .body(containsString("/api/surveys/{surveyId}/waves"))
                .body(containsString("/api/surveys/{id}/publish"))
                .body(containsString("SecurityScheme"));
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.description", containsString("responses checked against each question's scale"))
                .body("paths.'/api/surveys/{surveyId}/responses'.post.description", containsString("per member per wave"))
                .body("paths.'/api/surveys'.post.responses.'422'", org.hamcrest.Matchers.notNullValue());
    }
}
