package com.example.loyalty.community.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;

import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommunityProfileResourceTest {

    private static final String ME = "/api/community/profile/me";

    @Test
    void aMemberSeesTheirOwnProfileWithoutPosts() {
        String subject = UUID.randomUUID().toString();
        given().auth()
                .oauth2(TestTokens.token(subject, "member"))
                .when()
                .get(ME)
                .then()
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("subject", equalTo(subject))
                .body("posts", equalTo(0));
    }

    @Test
    void noTokenIs401ProblemWithChallenge() {
        given().when()
                .get(ME)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(SC_UNAUTHORIZED));
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get(ME)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutTheMemberRoleIs403Problem() {
        given().auth()
                .oauth2(TestTokens.token("staff-community", "staff", "marketer"))
                .when()
                .get(ME)
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_FORBIDDEN));
    }
}
