package com.example.loyalty.points.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
        given().auth().oauth2(member.token()).when().get("/api/points/tiers")
                .then().statusCode(200)
                .body("windowMonths", equalTo(12))
                .body("tiers", hasSize(4))
                .body("tiers.code", org.hamcrest.Matchers.contains("REGULAR", "SILVER", "GOLD", "PLATINUM"))
                .body("tiers[1].thresholdSpend", equalTo(30000))
                .body("tiers[1].multiplier", equalTo(1.25f))
                .body("tiers[3].multiplier", equalTo(2.0f));
    }

    @Test
    void aMarketerReplacesTheLadderAndPurchasesFollowIt() {
        try {
            put(PointsApi.MARKETER, """
                    {"windowMonths": 6, "tiers": [
                      {"code": "REGULAR", "name": "Regular", "thresholdSpend": 0, "multiplier": 1},
                      {"code": "SILVER", "name": "Silver", "thresholdSpend": 5000, "multiplier": 1.5},
                      {"code": "GOLD", "name": "Gold", "thresholdSpend": 100000, "multiplier": 1.5},
                      {"code": "PLATINUM", "name": "Platinum", "thresholdSpend": 300000, "multiplier": 2},
                      {"code": "DIAMOND", "name": "Diamond", "thresholdSpend": 1000000, "multiplier": 3}]}
                    """).statusCode(200).body("windowMonths", equalTo(6)).body("tiers", hasSize(5));
            var member = PointsApi.enrolNewMember();
            PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 5_000).statusCode(201)
                    .body("tier", equalTo("SILVER"));
            PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 1_000).statusCode(201)
                    .body("pointsEarned", equalTo(15));
        } finally {
            put(PointsApi.MARKETER, DEFAULT_LADDER).statusCode(200);
        }
    }

    @Test
    void anInvalidLadderIsRejected() {
        put(PointsApi.MARKETER, """
                {"windowMonths": 12, "tiers": [
                  {"code": "REGULAR", "name": "Regular", "thresholdSpend": 0, "multiplier": 1},
                  {"code": "SILVER", "name": "Silver", "thresholdSpend": 0, "multiplier": 1.25}]}
                """).statusCode(422).contentType("application/problem+json").body("detail", containsString("increase"));
        put(PointsApi.MARKETER, """
                {"windowMonths": 12, "tiers": [{"code": "REGULAR", "name": "Regular", "thresholdSpend": 10, "multiplier": 1}]}
                """).statusCode(422);
        put(PointsApi.MARKETER, """
                {"windowMonths": 0, "tiers": [{"code": "regular", "name": "", "thresholdSpend": -1, "multiplier": 0}]}
                """).statusCode(400).contentType("application/problem+json");
        put(PointsApi.MARKETER, "{\"tiers\": [").statusCode(400);
        given().auth().oauth2(PointsApi.MARKETER).when().get("/api/points/tiers")
                .then().statusCode(200).body("tiers", hasSize(4));
    }

    @Test
    void aTierThatMembersHoldCannotBeRemoved() {
        var member = PointsApi.enrolNewMember();
        put(PointsApi.MARKETER, """
                {"windowMonths": 12, "tiers": [{"code": "BASIC", "name": "Basic", "thresholdSpend": 0, "multiplier": 1}]}
                """).statusCode(409).contentType("application/problem+json").body("detail", containsString("REGULAR"));
        given().auth().oauth2(member.token()).when().get("/api/points/members/me")
                .then().statusCode(200).body("tier", equalTo("REGULAR"));
    }

    @Test
    void onlyMarketersChangeTheLadder() {
        put(PointsApi.STAFF, DEFAULT_LADDER).statusCode(403);
        put(PointsApi.enrolNewMember().token(), DEFAULT_LADDER).statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse put(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/points/tiers").then();
    }
}
