package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedemptionResourceTest {

    @Test
    void aMemberRedeemsTheirOwnPointsOnce() {
        var member = funded(1_000);
        String key = "r-" + UUID.randomUUID();
        String id = redeem(member.token(), key, null, 300)
                .statusCode(SC_CREATED)
                .body("balance", equalTo(700))
                .body("replayed", equalTo(false))
                .extract()
                .path("redemptionId");
        redeem(member.token(), key, null, 300)
                .statusCode(SC_OK)
                .body("redemptionId", equalTo(id))
                .body("balance", equalTo(700))
                .body("replayed", equalTo(true));
        redeem(member.token(), key, null, 400).statusCode(SC_CONFLICT).contentType("application/problem+json");
        assertEquals(700, PointsApi.balance(member));
        assertEquals(700, PointsApi.ledgerSum(member));
    }

    @Test
    void insufficientPointsIs409AndChangesNothing() {
        var member = funded(100);
        redeem(member.token(), "r-" + UUID.randomUUID(), null, 101)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("title", equalTo("Insufficient points"))
                .body("detail", containsString("100"));
        assertEquals(100, PointsApi.balance(member));
        assertEquals(1, PointsApi.ledgerCount(member));
    }

    @Test
    void parallelRedemptionsNeverOverdraw() throws Exception {
        var member = funded(1_000);
        List<Callable<Integer>> calls = IntStream.range(0, 10)
                .<Callable<Integer>>mapToObj(i -> () -> redeem(member.token(), "r-" + UUID.randomUUID(), null, 300)
                        .extract()
                        .statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(3, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        assertEquals(100, PointsApi.balance(member));
        assertEquals(100, PointsApi.ledgerSum(member));
    }

    @Test
    void parallelReplaysOfOneRedemptionSpendOnce() throws Exception {
        var member = funded(1_000);
        String key = "r-" + UUID.randomUUID();
        List<Callable<Integer>> calls = IntStream.range(0, 8)
                .<Callable<Integer>>mapToObj(i ->
                        () -> redeem(member.token(), key, null, 250).extract().statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(750, PointsApi.balance(member));
    }

    @Test
    void staffRedeemAtTheTillByCard() {
        var member = funded(500);
        redeem(PointsApi.STAFF, "till-" + UUID.randomUUID(), member.cardCode(), 200)
                .statusCode(SC_CREATED)
                .body("balance", equalTo(300));
        redeem(PointsApi.STAFF, "till-" + UUID.randomUUID(), null, 200)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json");
        redeem(PointsApi.STAFF, "till-" + UUID.randomUUID(), "8800000000000000", 1)
                .statusCode(SC_NOT_FOUND);
        assertEquals(300, PointsApi.balance(member));
    }

    @Test
    void aMemberCannotSpendAnotherMembersPoints() {
        var alice = funded(500);
        var bob = funded(500);
        redeem(bob.token(), "r-" + UUID.randomUUID(), alice.cardCode(), 100)
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json");
        assertEquals(500, PointsApi.balance(alice));
        assertEquals(500, PointsApi.balance(bob));
    }

    @Test
    void marketersCannotChangeBalances() {
        var member = funded(500);
        redeem(PointsApi.MARKETER, "r-" + UUID.randomUUID(), member.cardCode(), 100)
                .statusCode(SC_FORBIDDEN);
        assertEquals(500, PointsApi.balance(member));
    }

    @SendsInvalidRequests("a redemption of 0 points and one without idempotencyKey")
    @Test
    void badRedemptionsAreProblems() {
        var member = funded(500);
        given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body("{\"idempotencyKey\":\"k\",\"points\":0,\"reason\":\"x\"}")
                .when()
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body("{\"points\":10}")
                .when()
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.newMember())
                .contentType(ContentType.JSON)
                .body("{\"idempotencyKey\":\"k\",\"points\":10,\"reason\":\"x\"}")
                .when()
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        assertEquals(500, PointsApi.balance(member));
    }

    private static PointsApi.Enrolled funded(long points) {
        var member = PointsApi.enrolNewMember();
        PointsApi.purchase("fund-" + UUID.randomUUID(), member.cardCode(), points * 100)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo((int) points));
        return member;
    }

    private static ValidatableResponse redeem(String token, String key, String card, long points) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotencyKey", key);
        if (card != null) {
            body.put("cardCode", card);
        }
        body.put("points", points);
        body.put("reason", "reward R-1");
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/redemptions")
                .then();
    }
}
