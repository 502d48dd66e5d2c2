package com.example.loyalty.points.security;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;

import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token is verified once and then answered from memory (RememberingBearerAuthMechanism): the remembered identity
 * is the same subject with the same roles on every request, roles are still enforced on it, and a token that never
 * passed verification is never remembered.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Test
    void aRememberedTokenIsTheSameCallerWithTheSameRolesEveryTime() {
        String subject = UUID.randomUUID().toString();
        String member = TestTokens.token(subject, "member");
        given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(member)
                    .when()
                    .get("/api/points/members/me")
                    .then()
                    .statusCode(SC_OK);
            // a member's token stays a member's token: the till's look-up stays forbidden
            given().auth()
                    .oauth2(member)
                    .queryParam("card", "8800000000000001")
                    .when()
                    .get("/api/points/members")
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
    }

    @Test
    void tokensThatFailVerificationAreRefusedEveryTime() {
        String expired = TestTokens.expired(UUID.randomUUID().toString(), "staff");
        String foreign = TestTokens.signedWithUnknownKey(UUID.randomUUID().toString(), "staff");
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(expired)
                    .when()
                    .get("/api/points/tiers")
                    .then()
                    .statusCode(SC_UNAUTHORIZED);
            given().auth()
                    .oauth2(foreign)
                    .when()
                    .get("/api/points/tiers")
                    .then()
                    .statusCode(SC_UNAUTHORIZED);
        }
    }
}
