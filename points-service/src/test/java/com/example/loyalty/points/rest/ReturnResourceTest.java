package com.example.loyalty.points.rest;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PurchaseReturned;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.AccountingFixture.Lot;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReturnResourceTest {

    @Inject
    AccountingFixture fixture;

    @Test
    void aFullReturnTakesBackExactlyWhatThePurchaseEarnedOnce() {
        var m = PointsApi.enrolNewMember();
        String tx = "full-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 12_345).statusCode(SC_CREATED).body("pointsEarned", equalTo(123));
        String returnId = "R-" + UUID.randomUUID();
        JsonPath first = PointsApi.returnOf(returnId, tx, 12_345)
                .statusCode(SC_CREATED)
                .contentType("application/json")
                .body("returnId", equalTo(returnId))
                .body("transactionId", equalTo(tx))
                .body("storeId", equalTo("S001"))
                .body("purchaseId", notNullValue())
                .body("memberId", equalTo(m.id()))
                .body("amount", equalTo(12_345))
                .body("pointsReversed", equalTo(123))
                .body("shortfall", equalTo(0))
                .body("balance", equalTo(0))
                .body("available", equalTo(0))
                .body("pending", equalTo(0))
                .body("debt", equalTo(0))
                .body("replayed", equalTo(false))
                .extract()
                .jsonPath();

        // the same return again: the first result, nothing more
        PointsApi.returnOf(returnId, tx, 12_345)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("pointsReversed", equalTo(123))
                .body("purchaseId", equalTo(first.getString("purchaseId")));
        // the same id for another return
        PointsApi.returnOf(returnId, tx, 100).statusCode(SC_CONFLICT).contentType("application/problem+json");
        // nothing left to return
        PointsApi.returnOf("R-" + UUID.randomUUID(), tx, 1)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json");

        JsonPath ledger = PointsApi.ledger(m);
        assertEquals(2, ledger.getInt("total"));
        assertEquals("REVERSE", ledger.getString("items[0].kind"));
        assertEquals(-123, ledger.getLong("items[0].points"));
        assertEquals("RETURN", ledger.getString("items[0].referenceType"));
        assertEquals(0, PointsApi.me(m).getLong("rollingSpend"), "the returned spend no longer qualifies");

        var published = TestKafka.read(
                        Topics.LOYALTY_TRANSACTIONS,
                        r -> m.id().equals(r.key())
                                && EventTypes.PURCHASE_RETURNED.equals(
                                        EventJson.read(r.value()).type()),
                        1,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> EventJson.payload(EventJson.read(r.value()), PurchaseReturned.class))
                .toList();
        assertEquals(1, published.size(), "the replay published nothing");
        PurchaseReturned event = published.get(0);
        assertEquals(returnId, event.returnId());
        assertEquals(tx, event.transactionId());
        assertEquals("S001", event.storeId());
        assertEquals(12_345, event.amount());
        assertEquals("JPY", event.currency());
        assertEquals(123, event.pointsReversed());
        assertEquals(0, event.shortfall());
        assertTrue(event.fullyReturned());
        assertEquals(0, event.balance());
    }

    @Test
    void threePartsOfAPurchaseEarningTenPointsTakeBackThreeThreeAndFour() {
        var m = PointsApi.enrolNewMember();
        String tx = "thirds-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 1_000).statusCode(SC_CREATED).body("pointsEarned", equalTo(10));
        PointsApi.returnOf("R1-" + UUID.randomUUID(), tx, 333)
                .statusCode(SC_CREATED)
                .body("pointsReversed", equalTo(3))
                .body("balance", equalTo(7));
        // the second part as returned lines: its amount is their sum
        Map<String, Object> byItems = body("R2-" + UUID.randomUUID(), tx);
        byItems.put(
                "items",
                List.of(
                        Map.of("sku", "SKU-A", "quantity", 1, "amount", 200),
                        Map.of("sku", "SKU-B", "quantity", 2, "amount", 133)));
        PointsApi.returnOf(PointsApi.STAFF, byItems)
                .statusCode(SC_CREATED)
                .body("amount", equalTo(333))
                .body("pointsReversed", equalTo(3))
                .body("balance", equalTo(4));
        PointsApi.returnOf(PointsApi.STAFF, byItems).statusCode(SC_OK).body("replayed", equalTo(true));
        PointsApi.returnOf("R3-" + UUID.randomUUID(), tx, 335).statusCode(SC_UNPROCESSABLE_ENTITY);
        PointsApi.returnOf("R3-" + UUID.randomUUID(), tx, 334)
                .statusCode(SC_CREATED)
                .body("pointsReversed", equalTo(4))
                .body("balance", equalTo(0));
        assertEquals(0, PointsApi.ledgerSum(m));
        assertEquals(0, PointsApi.me(m).getLong("rollingSpend"));
    }

    @Test
    void aReturnTakesThePurchasesOwnLotFirst() {
        var m = PointsApi.enrolNewMember();
        PointsApi.purchase("own-a-" + UUID.randomUUID(), m.cardCode(), 10_000).statusCode(SC_CREATED);
        String b = "own-b-" + UUID.randomUUID();
        PointsApi.purchase(b, m.cardCode(), 20_000).statusCode(SC_CREATED);
        List<Lot> lots = fixture.lots(m.id());
        // the other purchase's lot would go first for a debit
        fixture.expireAt(lots.get(0).id(), Instant.now().plus(Duration.ofDays(3)));
        PointsApi.returnOf("R-" + UUID.randomUUID(), b, 10_000)
                .statusCode(SC_CREATED)
                .body("pointsReversed", equalTo(100))
                .body("balance", equalTo(200));
        assertEquals(
                List.of(100L, 100L),
                fixture.lots(m.id()).stream().map(Lot::remaining).toList());
    }

    @Test
    void aReturnLowersTheQualifyingSpendButNotTheTierYet() {
        var m = PointsApi.enrolNewMember();
        String tx = "tier-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 31_000).statusCode(SC_CREATED).body("tier", equalTo("SILVER"));
        PointsApi.returnOf("R-" + UUID.randomUUID(), tx, 10_000).statusCode(SC_CREATED);
        JsonPath me = PointsApi.me(m);
        assertEquals(21_000, me.getLong("rollingSpend"));
        assertEquals("SILVER", me.getString("tier"), "downgrades wait for the tier evaluation");
        assertEquals(310 - 100, me.getLong("balance"));
    }

    @SendsInvalidRequests(
            "returns with both amount and items or neither, an amount of 0, an item of quantity 0, no returnId")
    @Test
    void badReturnsAreProblemsAndChangeNothing() {
        var m = PointsApi.enrolNewMember();
        String tx = "bad-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 10_000).statusCode(SC_CREATED);

        Map<String, Object> both = body("R-" + UUID.randomUUID(), tx);
        both.put("amount", 100);
        both.put("items", List.of(Map.of("sku", "A", "quantity", 1, "amount", 100)));
        problem(PointsApi.STAFF, both, SC_BAD_REQUEST);
        problem(PointsApi.STAFF, body("R-" + UUID.randomUUID(), tx), SC_BAD_REQUEST); // neither
        Map<String, Object> zero = body("R-" + UUID.randomUUID(), tx);
        zero.put("amount", 0);
        problem(PointsApi.STAFF, zero, SC_BAD_REQUEST);
        Map<String, Object> badItem = body("R-" + UUID.randomUUID(), tx);
        badItem.put("items", List.of(Map.of("sku", "A", "quantity", 0, "amount", 100)));
        problem(PointsApi.STAFF, badItem, SC_BAD_REQUEST);
        Map<String, Object> noId = body(null, tx);
        noId.put("amount", 100);
        problem(PointsApi.STAFF, noId, SC_BAD_REQUEST);

        Map<String, Object> unknown = body("R-" + UUID.randomUUID(), "no-such-" + UUID.randomUUID());
        unknown.put("amount", 100);
        problem(PointsApi.STAFF, unknown, SC_NOT_FOUND);
        Map<String, Object> otherStore = body("R-" + UUID.randomUUID(), tx);
        otherStore.put("amount", 100);
        otherStore.put("storeId", "S999");
        // staff take returns only at their own store (403); an admin naming a store without that purchase: 404
        problem(PointsApi.STAFF, otherStore, org.apache.http.HttpStatus.SC_FORBIDDEN);
        problem(
                com.example.loyalty.testing.TestTokens.token("admin-" + UUID.randomUUID(), "admin"),
                otherStore,
                SC_NOT_FOUND);
        Map<String, Object> tooMuch = body("R-" + UUID.randomUUID(), tx);
        tooMuch.put("amount", 10_001);
        problem(PointsApi.STAFF, tooMuch, SC_UNPROCESSABLE_ENTITY);
        Map<String, Object> future = body("R-" + UUID.randomUUID(), tx);
        future.put("amount", 100);
        future.put("occurredAt", Instant.now().plus(Duration.ofDays(1)).toString());
        problem(PointsApi.STAFF, future, SC_UNPROCESSABLE_ENTITY);
        Map<String, Object> beforePurchase = body("R-" + UUID.randomUUID(), tx);
        beforePurchase.put("amount", 100);
        beforePurchase.put("occurredAt", Instant.now().minus(Duration.ofDays(1)).toString());
        problem(PointsApi.STAFF, beforePurchase, SC_UNPROCESSABLE_ENTITY);

        Map<String, Object> fine = body("R-" + UUID.randomUUID(), tx);
        fine.put("amount", 100);
        PointsApi.returnOf(m.token(), fine).statusCode(SC_FORBIDDEN);
        PointsApi.returnOf(PointsApi.MARKETER, fine).statusCode(SC_FORBIDDEN);

        assertEquals(100, PointsApi.balance(m));
        assertEquals(1, PointsApi.ledgerCount(m));
        PointsApi.returnOf(PointsApi.ADMIN, fine).statusCode(SC_CREATED).body("pointsReversed", equalTo(1));
    }

    private static Map<String, Object> body(String returnId, String tx) {
        Map<String, Object> body = new HashMap<>();
        if (returnId != null) {
            body.put("returnId", returnId);
        }
        body.put("transactionId", tx);
        body.put("storeId", "S001");
        return body;
    }

    private static void problem(String token, Map<String, Object> body, int status) {
        PointsApi.returnOf(token, body).statusCode(status).contentType("application/problem+json");
    }
}
