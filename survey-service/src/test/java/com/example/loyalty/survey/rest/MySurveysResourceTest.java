package com.example.loyalty.survey.rest;

import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class MySurveysResourceTest {

    private static final String OPEN = "/api/surveys/me/open";

    @Test
    void aMemberHasNoOpenSurveysYet() {
        given().auth().oauth2(TestTokens.newMember()).when().get(OPEN)
                .then().statusCode(200)
                .contentType("application/json")
                .body("$", hasSize(0));
    }

    @Test
    void noTokenIs401ProblemWithChallenge() {
        given().when().get(OPEN)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").when().get(OPEN)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutTheMemberRoleIs403Problem() {
        given().auth().oauth2(TestTokens.token("staff-surveys", "staff", "marketer")).when().get(OPEN)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
