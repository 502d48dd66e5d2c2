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
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PurchaseResourceTest {

    @Test
    void earnsOnePointPer100YenRoundedDown() {
        var member = PointsApi.enrolNewMember();
        PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 12_399)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(123))
                .body("balance", equalTo(123))
                .body("tier", equalTo("REGULAR"))
                .body("replayed", equalTo(false));
        assertEquals(123, PointsApi.balance(member));
        assertEquals(123, PointsApi.ledgerSum(member));
    }

    @Test
    void replayReturnsTheFirstResultAndEarnsNothing() {
        var member = PointsApi.enrolNewMember();
        String tx = "t-" + UUID.randomUUID();
        String purchaseId = PointsApi.purchase(tx, member.cardCode(), 5_000)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(50))
                .extract()
                .path("purchaseId");
        PointsApi.purchase(tx, member.cardCode(), 5_000)
                .statusCode(SC_OK)
                .body("purchaseId", equalTo(purchaseId))
                .body("pointsEarned", equalTo(50))
                .body("balance", equalTo(50))
                .body("replayed", equalTo(true));
        assertEquals(50, PointsApi.balance(member));
        assertEquals(1, PointsApi.ledgerCount(member));
    }

    @Test
    void aTransactionIdReusedForAnotherPurchaseIsAConflict() {
        var member = PointsApi.enrolNewMember();
        var other = PointsApi.enrolNewMember();
        String tx = "t-" + UUID.randomUUID();
        PointsApi.purchase(tx, member.cardCode(), 5_000).statusCode(SC_CREATED);
        PointsApi.purchase(tx, member.cardCode(), 6_000)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("detail", containsString(tx));
        PointsApi.purchase(tx, other.cardCode(), 5_000).statusCode(SC_CONFLICT);
        assertEquals(50, PointsApi.balance(member));
        assertEquals(0, PointsApi.balance(other));
    }

    @Test
    void parallelDuplicatePurchasesEarnOnce() throws Exception {
        var member = PointsApi.enrolNewMember();
        String tx = "race-" + UUID.randomUUID();
        Callable<Integer> call = () ->
                PointsApi.purchase(tx, member.cardCode(), 10_000).extract().statusCode();
        List<Integer> statuses =
                Concurrently.run(IntStream.range(0, 12).mapToObj(i -> call).toList());

        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), "exactly one earns: " + statuses);
        assertEquals(11, statuses.stream().filter(s -> s == SC_OK).count(), "the rest are replays: " + statuses);
        assertEquals(100, PointsApi.balance(member));
        assertEquals(100, PointsApi.ledgerSum(member));
        assertEquals(1, PointsApi.ledgerCount(member));
    }

    @Test
    void parallelPurchasesOfOneMemberAllCount() throws Exception {
        var member = PointsApi.enrolNewMember();
        List<Callable<Integer>> calls = IntStream.range(0, 10)
                .<Callable<Integer>>mapToObj(
                        i -> () -> PointsApi.purchase("p-" + UUID.randomUUID(), member.cardCode(), 1_000)
                                .extract()
                                .statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(List.of(SC_CREATED), statuses.stream().distinct().toList());
        assertEquals(100, PointsApi.balance(member));
        assertEquals(100, PointsApi.ledgerSum(member));
    }

    @Test
    void crossingTheSilverThresholdUpgradesForTheNextPurchase() {
        var member = PointsApi.enrolNewMember();
        PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 29_999)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(299))
                .body("tier", equalTo("REGULAR"));
        // This purchase crosses 30,000: it still earns at Regular, the upgrade is immediate.
        PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 1_001)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(10))
                .body("multiplier", equalTo(1.0f))
                .body("tier", equalTo("SILVER"))
                .body("tierName", equalTo("Silver"))
                .body("tierChanged", equalTo(true));
        // The next purchase earns x1.25, rounded down: 1,099 JPY -> 10.99 * 1.25 = 13.7375 -> 13.
        PointsApi.purchase("t-" + UUID.randomUUID(), member.cardCode(), 1_099)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(13))
                .body("multiplier", equalTo(1.25f))
                .body("tier", equalTo("SILVER"))
                .body("tierChanged", equalTo(false))
                .body("balance", equalTo(299 + 10 + 13));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("tier", equalTo("SILVER"))
                .body("rollingSpend", equalTo(29_999 + 1_001 + 1_099))
                .body("nextTier.tier", equalTo("GOLD"))
                .body("nextTier.spendNeeded", equalTo(100_000 - 32_099));
    }

    @Test
    void unknownCardIs404AndWritesNothing() {
        PointsApi.purchase("t-" + UUID.randomUUID(), "8812345678901234", 1_000)
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_NOT_FOUND))
                .body("detail", containsString("8812345678901234"));
    }

    @SendsInvalidRequests(
            "a negative amount, missing fields, malformed JSON, an amount as a string, an unknown channel, no body")
    @Test
    void badInputIsAProblemAndWritesNothing() {
        var member = PointsApi.enrolNewMember();
        String card = member.cardCode();
        // negative amount
        post("{\"transactionId\":\"x1\",\"cardCode\":\"" + card
                        + "\",\"amount\":-5,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("violations", notNullValue());
        // missing fields
        post("{\"cardCode\":\"" + card + "\"}").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        // malformed JSON
        post("{\"transactionId\": \"x2\", ").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        // wrong type and unknown channel
        post("{\"transactionId\":\"x3\",\"cardCode\":\"" + card
                        + "\",\"amount\":\"lots\",\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        post("{\"transactionId\":\"x4\",\"cardCode\":\"" + card
                        + "\",\"amount\":100,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"PIGEON\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        // empty body
        post("").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        // a currency the program does not accept
        post("{\"transactionId\":\"x5\",\"cardCode\":\"" + card
                        + "\",\"amount\":100,\"currency\":\"USD\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("detail", containsString("USD"));
        // a purchase in the future
        post("{\"transactionId\":\"x6\",\"cardCode\":\"" + card
                        + "\",\"amount\":100,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json");

        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, PointsApi.ledgerCount(member));
        // none of those transaction ids was consumed
        PointsApi.purchase("x5", card, 100).statusCode(SC_CREATED).body("pointsEarned", equalTo(1));
    }

    @SendsInvalidRequests("mistyped fields, NULs and lone surrogates in text, a text/plain body, trailing JSON")
    @Test
    void inputTheDocumentForbidsIsRefusedAndWritesNothing() {
        var member = PointsApi.enrolNewMember();
        String card = member.cardCode();
        String tx = "strict-" + UUID.randomUUID();
        // the contract finding: "amount":"12" (a string) recorded a purchase
        post("{\"transactionId\":\"" + tx + "\",\"cardCode\":\"" + card
                        + "\",\"amount\":\"12000\",\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/malformed-body"))
                .body("field", equalTo("amount"));
        // a number where a string belongs, an enum by index, a date-time as epoch seconds
        post("{\"transactionId\":12,\"cardCode\":\"" + card
                        + "\",\"amount\":12000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_BAD_REQUEST)
                .body("field", equalTo("transactionId"));
        post("{\"transactionId\":\"" + tx + "\",\"cardCode\":\"" + card
                        + "\",\"amount\":12000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":0}")
                .statusCode(SC_BAD_REQUEST)
                .body("field", equalTo("channel"));
        post("{\"transactionId\":\"" + tx + "\",\"cardCode\":\"" + card
                        + "\",\"amount\":12000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\","
                        + "\"occurredAt\":1700000000}")
                .statusCode(SC_BAD_REQUEST)
                .body("field", equalTo("occurredAt"));
        // a NUL or a lone surrogate in a text field
        post("{\"transactionId\":\"" + tx + "\\u0000\",\"cardCode\":\"" + card
                        + "\",\"amount\":12000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"))
                .body("field", equalTo("transactionId"))
                .body("detail", containsString("U+0000"));
        post("{\"transactionId\":\"" + tx + "\\ud800\",\"cardCode\":\"" + card
                        + "\",\"amount\":12000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"}")
                .statusCode(SC_BAD_REQUEST)
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"))
                .body("detail", containsString("U+D800"));
        // not JSON at all, and JSON with something after it
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.TEXT)
                .body("amount=12000")
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        post("{\"transactionId\":\"" + tx + "\",\"cardCode\":\"" + card
                        + "\",\"amount\":12000,\"currency\":\"JPY\",\"storeId\":\"S001\",\"channel\":\"STORE\"} {}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");

        assertEquals(0, PointsApi.balance(member));
        assertEquals(0, PointsApi.ledgerCount(member));
        // the transaction id was never consumed
        PointsApi.purchase(tx, card, 12_000).statusCode(SC_CREATED).body("pointsEarned", equalTo(120));
    }

    @Test
    void onlyStaffRecordPurchases() {
        var member = PointsApi.enrolNewMember();
        PointsApi.purchase(member.token(), "t-" + UUID.randomUUID(), member.cardCode(), 1_000)
                .statusCode(SC_FORBIDDEN);
        PointsApi.purchase(PointsApi.MARKETER, "t-" + UUID.randomUUID(), member.cardCode(), 1_000)
                .statusCode(SC_FORBIDDEN);
        PointsApi.purchase(TestTokens.token("admin-x", "admin"), "t-" + UUID.randomUUID(), member.cardCode(), 1_000)
                .statusCode(SC_CREATED);
        assertEquals(10, PointsApi.balance(member));
    }

    private static io.restassured.response.ValidatableResponse post(String json) {
        return given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/points/purchases")
                .then();
    }
}
