package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TierResourceTest {

    static final String DEFAULT_LADDER = """
            {"windowMonths": 12, "tiers": [
              {"code": "REGULAR", "name": "Regular", "thresholdSpend": 0, "multiplier": 1},
              {"code": "SILVER", "name": "Silver", "thresholdSpend": 30000, "multiplier": 1.25},
              {"code": "GOLD", "name": "Gold", "thresholdSpend": 100000, "multiplier": 1.5},
              {"code": "PLATINUM", "name": "Platinum", "thresholdSpend": 300000, "multiplier": 2}]}
            """;

    @Test
    void everySignedInUserReadsTheDefaultLadder() {
        var member = PointsApi.enrolNewMember();
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .body("windowMonths", equalTo(12))
                .body("tiers", hasSize(4))
                .body("tiers.code", org.hamcrest.Matchers.contains("REGULAR", "SILVER", "GOLD", "PLATINUM"))
                .body("tiers[1].thresholdSpend", equalTo(30000))
                .body("tiers[1].multiplier", equalTo(1.25f))
                .body("tiers[3].multiplier", equalTo(2.0f));
    }

    @SendsInvalidRequests("a ladder of 20000 invalid tiers")
    @Test
    void aHugeInvalidBodyGetsABoundedProblemAndChangesNothing() {
        // 20,000 tiers, every one invalid twice: Bean Validation finds 40,000+ violations; the answer lists 50
        String tiers = String.join(
                ",",
                java.util.Collections.nCopies(
                        20_000,
                        "{\"code\": \"lower case\", \"name\": \"\", \"thresholdSpend\": 0, \"multiplier\": 1}"));
        String body = put(PointsApi.MARKETER, "{\"windowMonths\": 12, \"tiers\": [" + tiers + "]}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("violations", hasSize(50))
                .body("violationCount", org.hamcrest.Matchers.greaterThan(40_000))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.length() < 20_000, "bounded: " + body.length() + " chars");
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .when()
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .body("tiers", hasSize(4));
    }

    @Test
    void aMarketerReplacesTheLadderAndPurchasesFollowIt() {
        // the change re-evaluates every member (docs/tiers.md): DIAMOND out of anyone's reach, so it can go again after
        try {
            put(PointsApi.MARKETER, """
                    {"windowMonths": 6, "tiers": [
                      {"code": "REGULAR", "name": "Regular", "thresholdSpend": 0, "multiplier": 1},
                      {"code": "SILVER", "name": "Silver", "thresholdSpend": 5000, "multiplier": 1.5},
                      {"code": "GOLD", "name": "Gold", "thresholdSpend": 100000, "multiplier": 1.5},
                      {"code": "PLATINUM", "name": "Platinum", "thresholdSpend": 300000, "multiplier": 2},
                      {"code": "DIAMOND", "name": "Diamond", "thresholdSpend": 1000000000000, "multiplier": 3}]}
                    """)
                    .statusCode(SC_OK)
                    .body("windowMonths", equalTo(6))
                    .body("tiers", hasSize(5));
            var member = PointsApi.enrolNewMember();
            PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 5_000)
                    .statusCode(SC_CREATED)
                    .body("tier", equalTo("SILVER"));
            PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 1_000)
                    .statusCode(SC_CREATED)
                    .body("pointsEarned", equalTo(15));
        } finally {
            put(PointsApi.MARKETER, DEFAULT_LADDER).statusCode(SC_OK);
        }
    }

    @SendsInvalidRequests(
            "a ladder of windowMonths 0 with a lower-case code, a blank name, a negative threshold and a multiplier of 0; malformed JSON")
    @Test
    void anInvalidLadderIsRejected() {
        put(PointsApi.MARKETER, """
                {"windowMonths": 12, "tiers": [
                  {"code": "REGULAR", "name": "Regular", "thresholdSpend": 0, "multiplier": 1},
                  {"code": "SILVER", "name": "Silver", "thresholdSpend": 0, "multiplier": 1.25}]}
                """)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("detail", containsString("increase"));
        put(PointsApi.MARKETER, """
                {"windowMonths": 12, "tiers": [{"code": "REGULAR", "name": "Regular", "thresholdSpend": 10, "multiplier": 1}]}
                """).statusCode(SC_UNPROCESSABLE_ENTITY);
        put(PointsApi.MARKETER, """
                {"windowMonths": 0, "tiers": [{"code": "regular", "name": "", "thresholdSpend": -1, "multiplier": 0}]}
                """).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        put(PointsApi.MARKETER, "{\"tiers\": [").statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .when()
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .body("tiers", hasSize(4));
    }

    @Test
    void aTierThatMembersHoldCannotBeRemoved() {
        var member = PointsApi.enrolNewMember();
        put(PointsApi.MARKETER, """
                {"windowMonths": 12, "tiers": [{"code": "BASIC", "name": "Basic", "thresholdSpend": 0, "multiplier": 1}]}
                """)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("detail", containsString("REGULAR"));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("tier", equalTo("REGULAR"));
    }

    @Test
    void onlyMarketersChangeTheLadder() {
        put(PointsApi.STAFF, DEFAULT_LADDER).statusCode(SC_FORBIDDEN);
        put(PointsApi.enrolNewMember().token(), DEFAULT_LADDER).statusCode(SC_FORBIDDEN);
    }

    private static io.restassured.response.ValidatableResponse put(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/points/tiers")
                .then();
    }
}
