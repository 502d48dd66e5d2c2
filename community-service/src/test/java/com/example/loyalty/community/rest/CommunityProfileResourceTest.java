package com.example.loyalty.community.rest;

import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CommunityProfileResourceTest {

    private static final String ME = "/api/community/profile/me";

    @Test
    void aMemberSeesTheirOwnProfileWithoutPosts() {
        String subject = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.token(subject, "member")).when().get(ME)
                .then().statusCode(200)
                .contentType("application/json")
                .body("subject", equalTo(subject))
                .body("posts", equalTo(0));
    }

    @Test
    void noTokenIs401ProblemWithChallenge() {
        given().when().get(ME)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").when().get(ME)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutTheMemberRoleIs403Problem() {
        given().auth().oauth2(TestTokens.token("staff-community", "staff", "marketer")).when().get(ME)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
