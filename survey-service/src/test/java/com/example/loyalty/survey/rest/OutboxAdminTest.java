package com.example.loyalty.survey.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The parked-outbox admin lives under {@code /api/surveys/admin/outbox}, next to {@link SurveyResource}'s
 * {@code /api/surveys/{id}}: its requests must reach the admin resource, and survey ids still reach the surveys.
 */
@QuarkusTest
class OutboxAdminTest {

    @Test
    void theParkedListReachesTheAdminResourceNotASurvey() {
        given().auth()
                .oauth2(SurveyApi.ADMIN)
                .when()
                .get("/api/surveys/admin/outbox/parked")
                .then()
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("page", equalTo(0))
                .body("total", greaterThanOrEqualTo(0))
                .body("items", notNullValue());
        // marketers manage surveys, but parked events are for admins only
        given().auth()
                .oauth2(SurveyApi.MARKETER)
                .when()
                .get("/api/surveys/admin/outbox/parked")
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get("/api/surveys/admin/outbox/parked")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().when().get("/api/surveys/admin/outbox/parked").then().statusCode(SC_UNAUTHORIZED);
        given().auth()
                .oauth2(SurveyApi.ADMIN)
                .when()
                .post("/api/surveys/admin/outbox/parked/{id}/retry", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
    }

    @SendsInvalidRequests("sends what the document forbids, to see it refused")
    @Test
    void surveyPathsStillReachTheSurveys() {
        String id = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        given().auth()
                .oauth2(SurveyApi.ADMIN)
                .when()
                .get("/api/surveys/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(SurveyApi.ADMIN)
                .when()
                .get("/api/surveys/admin")
                .then()
                .statusCode(SC_NOT_FOUND);
    }
}
