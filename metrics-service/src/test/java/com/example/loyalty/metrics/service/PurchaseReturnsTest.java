package com.example.loyalty.metrics.service;

import static com.example.loyalty.messaging.consumer.EventConsumer.Outcome.APPLIED;
import static com.example.loyalty.messaging.consumer.EventConsumer.Outcome.DUPLICATE;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.purchaseAt;
import static com.example.loyalty.metrics.TestEvents.returned;
import static com.example.loyalty.metrics.TestPurchases.noon;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.PoisonEventException;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.metrics.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Purchases per store and returns, against the real database: each effect of a return on what the behavioural metrics
 * read (the purchase rows, the member's activity, RFM, lifetime value), idempotency, and a return that is read before
 * its purchase. Money in DKK and CZK, currencies no other test uses.
 */
@QuarkusTest
class PurchaseReturnsTest {

    private static final String DKK = "DKK";
    private static final String CZK = "CZK";

    @Inject
    ActivityService activities;

    @Inject
    EventConsumer consumer;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Test
    void twoStoresWhoseTillsNumberAlikeBothCount() {
        String member = TestEvents.newMemberId();
        String receipt = "R-" + UUID.randomUUID();
        apply(
                purchaseAt(member, "S-NORTH", receipt, 1_000, CZK, noon("2026-05-01")),
                purchaseAt(member, "S-SOUTH", receipt, 2_500, CZK, noon("2026-05-02")));
        // the same purchase reported again (another event) still counts once
        apply(purchaseAt(member, "S-NORTH", receipt, 1_000, CZK, noon("2026-05-01")));

        MemberActivityView a = activityOf(member);
        assertEquals(2, a.purchaseCount());
        assertEquals(3_500, a.totalSpend());
        assertEquals(35, a.pointsEarned());
        assertEquals(Map.of("S-NORTH", 1_000L, "S-SOUTH", 2_500L), amountsByStore(member));
    }

    @Test
    void aPartialReturnNetsTheSpendOutOfThePurchaseAndTheActivity() {
        String member = TestEvents.newMemberId();
        String receipt = "R-" + UUID.randomUUID();
        apply(purchaseAt(member, "S1", receipt, 10_000, DKK, noon("2026-04-01")));
        apply(returned(member, "S1", "RET-" + UUID.randomUUID(), receipt, 3_000, DKK, noon("2026-04-03"), false));

        MemberActivityView a = activityOf(member);
        assertEquals(1, a.purchaseCount());
        assertEquals(7_000, a.totalSpend());
        assertEquals(70, a.pointsEarned()); // 100 earned, 30 reversed
        assertEquals(noon("2026-04-01"), a.lastPurchaseAt());
        assertEquals(List.of(List.of(7_000L, 3_000L)), rows(member));
    }

    @Test
    void aPurchaseReturnedInFullNoLongerCounts() {
        String member = TestEvents.newMemberId();
        String first = "R-" + UUID.randomUUID();
        String second = "R-" + UUID.randomUUID();
        apply(
                purchaseAt(member, "S1", first, 5_000, DKK, noon("2026-03-01")),
                purchaseAt(member, "S2", second, 8_000, DKK, noon("2026-03-10")));
        // returned in two parts, the second completing it
        apply(returned(member, "S2", "RET-" + UUID.randomUUID(), second, 2_000, DKK, noon("2026-03-11"), false));
        apply(returned(member, "S2", "RET-" + UUID.randomUUID(), second, 6_000, DKK, noon("2026-03-12"), true));

        MemberActivityView a = activityOf(member);
        assertEquals(1, a.purchaseCount());
        assertEquals(5_000, a.totalSpend());
        assertEquals(50, a.pointsEarned());
        assertEquals(noon("2026-03-01"), a.lastPurchaseAt(), "the latest purchase still counted");
        assertEquals(Map.of("S1", 5_000L), amountsByStore(member));

        // the last one too: nothing counts, the member has no spend and no currency
        String last = "RET-" + UUID.randomUUID();
        apply(returned(member, "S1", last, first, 5_000, DKK, noon("2026-03-13"), true));
        a = activityOf(member);
        assertEquals(0, a.purchaseCount());
        assertEquals(0, a.totalSpend());
        assertNull(a.currency());
        assertNull(a.lastPurchaseAt());
        assertEquals(Map.of(), amountsByStore(member));
    }

    @Test
    void aReturnReadBeforeItsPurchaseWaitsAndIsAppliedWhenThePurchaseArrives() {
        String member = TestEvents.newMemberId();
        String receipt = "R-" + UUID.randomUUID();
        String returnId = "RET-" + UUID.randomUUID();
        apply(returned(member, "S7", returnId, receipt, 4_000, DKK, noon("2026-02-05"), false));
        assertEquals(List.of(), rows(member));
        assertEquals(null, appliedAmount("S7", returnId), "kept, waiting for its purchase");

        apply(purchaseAt(member, "S7", receipt, 9_000, DKK, noon("2026-02-01")));
        assertEquals(List.of(List.of(5_000L, 4_000L)), rows(member));
        assertEquals(4_000L, appliedAmount("S7", returnId));
        MemberActivityView a = activityOf(member);
        assertEquals(1, a.purchaseCount());
        assertEquals(5_000, a.totalSpend());
        assertEquals(50, a.pointsEarned());

        // in one batch, the return first: the same result
        String other = TestEvents.newMemberId();
        String otherReceipt = "R-" + UUID.randomUUID();
        apply(
                returned(other, "S7", "RET-" + UUID.randomUUID(), otherReceipt, 9_000, DKK, noon("2026-02-06"), true),
                purchaseAt(other, "S7", otherReceipt, 9_000, DKK, noon("2026-02-01")),
                purchaseAt(other, "S8", otherReceipt, 1_000, DKK, noon("2026-02-02")));
        assertEquals(Map.of("S8", 1_000L), amountsByStore(other));
        assertEquals(1, activityOf(other).purchaseCount());
        assertEquals(1_000, activityOf(other).totalSpend());
    }

    @Test
    void aReturnCountsOnceByItsEventAndByItsReturnId() {
        String member = TestEvents.newMemberId();
        String receipt = "R-" + UUID.randomUUID();
        String returnId = "RET-" + UUID.randomUUID();
        apply(purchaseAt(member, "S1", receipt, 10_000, DKK, noon("2026-01-10")));
        EventEnvelope ret = returned(member, "S1", returnId, receipt, 1_000, DKK, noon("2026-01-11"), false);
        assertEquals(APPLIED, consume(ret));
        assertEquals(DUPLICATE, consume(ret));
        // the till's return reported again under another event id
        assertEquals(
                APPLIED, consume(returned(member, "S1", returnId, receipt, 1_000, DKK, noon("2026-01-11"), false)));
        assertEquals(List.of(List.of(9_000L, 1_000L)), rows(member));
        assertEquals(9_000, activityOf(member).totalSpend());
    }

    @Test
    void aReturnInAnotherCurrencyThanItsPurchaseIsUnprocessableAndChangesNothing() {
        String member = TestEvents.newMemberId();
        String receipt = "R-" + UUID.randomUUID();
        apply(purchaseAt(member, "S1", receipt, 10_000, DKK, noon("2026-01-10")));
        EventEnvelope wrong =
                returned(member, "S1", "RET-" + UUID.randomUUID(), receipt, 1_000, "EUR", Instant.now(), false);
        EventEnvelope noAmount =
                returned(member, "S1", "RET-" + UUID.randomUUID(), receipt, 0, DKK, Instant.now(), false);
        for (EventEnvelope bad : List.of(wrong, noAmount)) {
            assertThrows(PoisonEventException.class, () -> consume(bad));
            assertFalse(inbox.isProcessed(Topics.LOYALTY_TRANSACTIONS, bad.eventId()));
        }
        assertEquals(List.of(List.of(10_000L, 0L)), rows(member));
        assertEquals(10_000, activityOf(member).totalSpend());
    }

    @Test
    void aReturnFindsAPurchaseKeptBeforeStoresWereKept() {
        UUID member = UUID.randomUUID();
        String receipt = "R-" + UUID.randomUUID();
        // as V9 left a purchase of before: store unknown, its transaction id alone names it
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into member_purchase (store_id, "
                                        + "transaction_id, member_id, occurred_at, amount, currency) values ('', ?1, ?2, ?3, 6000, 'DKK')")
                        .setParameter(1, receipt)
                        .setParameter(2, member)
                        .setParameter(3, noon("2025-12-01"))
                        .executeUpdate());
        apply(returned(member.toString(), "S5", "RET-" + UUID.randomUUID(), receipt, 2_500, DKK, Instant.now(), false));
        assertEquals(Map.of("S5", 3_500L), amountsByStore(member.toString()), "netted, and its store learnt");
    }

    @Test
    void rfmAndLifetimeValueAreNetOfReturns() {
        String a = TestEvents.newMemberId();
        String b = TestEvents.newMemberId();
        String c = TestEvents.newMemberId();
        apply(
                purchaseAt(a, "S1", "A1-" + a, 10_000, DKK, noon("2026-06-01")),
                purchaseAt(a, "S1", "A2-" + a, 20_000, DKK, noon("2026-06-20")),
                purchaseAt(b, "S2", "B1-" + b, 30_000, DKK, noon("2026-06-10")),
                purchaseAt(c, "S3", "C1-" + c, 5_000, DKK, noon("2026-05-01")));
        recompute();
        assertEquals(List.of(10L, 2L, 30_000L), rfmOf(a));
        assertEquals(List.of(60L, 1L, 5_000L), rfmOf(c));

        apply(
                returned(a, "S1", "RA2-" + a, "A2-" + a, 20_000, DKK, noon("2026-06-25"), true),
                returned(b, "S2", "RB1-" + b, "B1-" + b, 12_000, DKK, noon("2026-06-26"), false),
                returned(c, "S3", "RC1-" + c, "C1-" + c, 5_000, DKK, noon("2026-06-27"), true));
        recompute();
        // recency, frequency and spend forget A's returned purchase; B's spend is net; C no longer has a purchase
        assertEquals(List.of(29L, 1L, 10_000L), rfmOf(a));
        assertEquals(List.of(20L, 1L, 18_000L), rfmOf(b));
        assertNull(rfmOf(c), "a member whose purchases all came back leaves RFM");

        JsonPath ltvA = ltv(a).statusCode(SC_OK).extract().jsonPath();
        assertEquals(1, ltvA.getInt("purchases"));
        assertEquals(0, new BigDecimal("100.00").compareTo(new BigDecimal(ltvA.getString("revenue"))));
        assertEquals("2026-06-01", ltvA.getString("lastPurchaseDay"));
        JsonPath ltvB = ltv(b).statusCode(SC_OK).extract().jsonPath();
        assertEquals(0, new BigDecimal("180.00").compareTo(new BigDecimal(ltvB.getString("revenue"))));
        ltv(c).statusCode(SC_NOT_FOUND);
    }

    private void apply(EventEnvelope... events) {
        activities.applyAll(List.of(events));
    }

    /** The event as LoyaltyTransactionsConsumer hands it over (inbox included). */
    private EventConsumer.Outcome consume(EventEnvelope event) {
        return consumer.consume(Topics.LOYALTY_TRANSACTIONS, EventJson.write(event), activities::apply);
    }

    /**
     * The member's activity as committed (in a transaction of its own: outside one, the test's request-scoped session
     * would answer a second read from what it read first).
     */
    private MemberActivityView activityOf(String member) {
        return QuarkusTransaction.requiringNew().call(() -> activities.activityOf(UUID.fromString(member)));
    }

    /** The member's purchases as kept: store → amount left. */
    private Map<String, Long> amountsByStore(String member) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select store_id, amount from member_purchase where member_id = ?1")
                        .setParameter(1, UUID.fromString(member))
                        .getResultList());
        return rows.stream()
                .map(r -> (Object[]) r)
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    /** The member's purchases as kept: [amount left, amount returned], by purchase time. */
    private List<List<Long>> rows(String member) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select amount, returned_amount from member_purchase "
                                + "where member_id = ?1 order by occurred_at")
                        .setParameter(1, UUID.fromString(member))
                        .getResultList());
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
                .toList();
    }

    /** What the return took from its purchase; null while it waits for it. */
    private Long appliedAmount(String store, String returnId) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select applied_amount from purchase_return where store_id = ?1 and return_id = ?2")
                        .setParameter(1, store)
                        .setParameter(2, returnId)
                        .getResultList());
        assertTrue(rows.size() == 1, "the return is kept");
        return rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    private static void recompute() {
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", DKK)
                .queryParam("asOf", "2026-06-30")
                .when()
                .post("/api/metrics/rfm/recompute")
                .then()
                .statusCode(SC_OK);
    }

    /** [recency days, frequency, monetary] of the member's RFM row in DKK; null if the member has none. */
    private List<Long> rfmOf(String member) {
        JsonPath page = given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", DKK)
                .queryParam("size", 1000)
                .when()
                .get("/api/metrics/rfm/members")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream()
                .filter(i -> member.equals(i.get("memberId")))
                .map(i -> List.of(
                        ((Number) i.get("recencyDays")).longValue(),
                        ((Number) i.get("frequency")).longValue(),
                        ((Number) i.get("monetary")).longValue()))
                .findFirst()
                .orElse(null);
    }

    private static io.restassured.response.ValidatableResponse ltv(String member) {
        return given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", DKK)
                .queryParam("asOf", "2026-06-30")
                .when()
                .get("/api/metrics/members/{id}/ltv", member)
                .then();
    }
}
