package com.example.loyalty.points.security;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;

import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * points-service accepts only tokens meant for it (quarkus.oidc.token.audience=points-service): a correctly signed,
 * unexpired token whose aud does not name points-service (issued for another service, for the gateway alone, or
 * without an audience) is refused with 401 problem JSON, and nothing is written; the same caller's token that names it
 * gets through. Refusals are not remembered as verified either (RememberingBearerAuthMechanism).
 */
@QuarkusTest
class AudienceTest {

    @Test
    void aTokenNotMeantForPointsServiceIsRefused() {
        String subject = UUID.randomUUID().toString();
        for (Set<String> audiences :
                java.util.List.of(Set.of("gateway"), Set.of("survey-service", "metrics-service"), Set.<String>of())) {
            String token = TestTokens.forAudiences(audiences, subject, "member");
            for (int i = 0; i < 2; i++) {
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .when()
                        .post("/api/points/members/me")
                        .then()
                        .statusCode(SC_UNAUTHORIZED)
                        .contentType("application/problem+json")
                        .body("status", equalTo(SC_UNAUTHORIZED));
            }
        }
        // nothing was enrolled: the first call with a token meant for points-service creates the member
        String meant = TestTokens.forAudiences(Set.of("gateway", "points-service"), subject, "member");
        given().auth()
                .oauth2(meant)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED);
        given().auth().oauth2(meant).when().get("/api/points/members/me").then().statusCode(SC_OK);
    }
}
