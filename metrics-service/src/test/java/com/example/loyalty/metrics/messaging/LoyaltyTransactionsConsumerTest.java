package com.example.loyalty.metrics.messaging;

import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.PATIENCE;
import static com.example.loyalty.metrics.TestEvents.activity;
import static com.example.loyalty.metrics.TestEvents.purchase;
import static com.example.loyalty.metrics.TestEvents.send;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.testing.TestKafka;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoyaltyTransactionsConsumerTest {

    private static final String DLQ = Topics.LOYALTY_TRANSACTIONS + ".dlq";

    @Inject
    MeterRegistry registry;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Test
    void purchasesSumSpendAndKeepTheLatestPurchaseTime() {
        String member = TestEvents.newMemberId();
        Instant earlier = Instant.parse("2026-02-01T09:30:00Z");
        Instant later = Instant.parse("2026-02-03T18:45:00Z");
        // the later purchase arrives first; the envelope times (now) are not the purchase times
        send(purchase(member, 4_200, later));
        send(purchase(member, 1_800, earlier));

        awaitPurchaseCount(member, 2);
        activity(MARKETER, member)
                .statusCode(SC_OK)
                .body("memberId", equalTo(member))
                .body("totalSpend", equalTo(6_000))
                .body("currency", equalTo("JPY"))
                .body("pointsEarned", equalTo(60))
                .body("lastPurchaseAt", equalTo("2026-02-03T18:45:00Z"))
                .body("tier", equalTo("REGULAR"));
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        String member = TestEvents.newMemberId();
        double duplicatesBefore = consumed("duplicate");
        EventEnvelope first = purchase(member, 3_000, Instant.parse("2026-01-10T10:00:00Z"));
        String json = EventJson.write(first);
        TestKafka.send(Topics.LOYALTY_TRANSACTIONS, member, json);
        TestKafka.send(Topics.LOYALTY_TRANSACTIONS, member, json);
        // same key, same partition: once this one counts, the redelivery before it has been handled
        send(purchase(member, 500, Instant.parse("2026-01-11T10:00:00Z")));

        awaitPurchaseCount(member, 2);
        activity(MARKETER, member).statusCode(SC_OK).body("totalSpend", equalTo(3_500));
        assertEquals(duplicatesBefore + 1, consumed("duplicate"));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String member = TestEvents.newMemberId();
        EventEnvelope noPayload = new EventEnvelope(UUID.randomUUID(), "PointsEarned", 1, Instant.now(), member, null);
        EventEnvelope futureVersion = new EventEnvelope(
                UUID.randomUUID(),
                "PointsEarned",
                2,
                Instant.now(),
                member,
                purchase(member, 100, Instant.now()).payload());
        EventEnvelope notAMember = new EventEnvelope(
                UUID.randomUUID(),
                "PointsEarned",
                1,
                Instant.now(),
                "not-a-uuid",
                purchase(member, 100, Instant.now()).payload());
        double malformedBefore = rejected("malformed");
        double unprocessableBefore = rejected("unprocessable");
        List<String> poison = List.of(
                "{not json",
                "{\"hello\":1}",
                EventJson.write(noPayload),
                EventJson.write(futureVersion),
                EventJson.write(notAMember));
        poison.forEach(p -> TestKafka.send(Topics.LOYALTY_TRANSACTIONS, member, p));
        TestKafka.send(Topics.LOYALTY_TRANSACTIONS, member, null);
        send(purchase(member, 700, Instant.parse("2026-01-20T08:00:00Z")));

        awaitPurchaseCount(member, 1);
        activity(MARKETER, member).statusCode(SC_OK).body("totalSpend", equalTo(700));

        List<ConsumerRecord<String, String>> dead =
                TestKafka.read(DLQ, r -> member.equals(r.key()), poison.size() + 1, Duration.ofSeconds(30));
        assertEquals(poison.size() + 1, dead.size(), "dead-lettered: " + dead);
        assertEquals(
                poison,
                dead.subList(0, poison.size()).stream()
                        .map(ConsumerRecord::value)
                        .toList());
        assertEquals(null, dead.get(poison.size()).value());
        for (ConsumerRecord<String, String> record : dead) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header on " + record);
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).length() > 0);
        }
        // a rejected event is not recorded as processed, so it can be replayed once it can be handled
        assertFalse(inbox.isProcessed(Topics.LOYALTY_TRANSACTIONS, futureVersion.eventId()));
        // not an envelope: the three broken ones and the empty record; unprocessable: future version, not a member
        assertTrue(rejected("malformed") >= malformedBefore + 4);
        assertTrue(rejected("unprocessable") >= unprocessableBefore + 2);
    }

    @Test
    void aPurchaseInAnotherCurrencyIsKeptApartNotAddedUp() {
        String member = TestEvents.newMemberId();
        send(purchase(member, 1_000, Instant.parse("2026-01-01T00:00:00Z")));
        send(purchase(member, 2_933, "USD", Instant.parse("2026-01-02T00:00:00Z")));
        send(purchase(member, 2_000, Instant.parse("2026-01-03T00:00:00Z")));

        awaitPurchaseCount(member, 2);
        await().atMost(PATIENCE).until(() -> spendIn(member, "USD") == 2_933);
        assertEquals(3_000, spendIn(member, "JPY"));
        activity(MARKETER, member)
                .statusCode(SC_OK)
                .body("totalSpend", equalTo(3_000))
                .body("currency", equalTo("JPY"));
        assertEquals(
                0,
                TestKafka.read(DLQ, r -> member.equals(r.key()), 1, Duration.ofSeconds(3))
                        .size());
    }

    @Test
    void twoStoresWithTheSameReceiptNumberBothCountAndAReturnIsNettedOut() {
        String member = TestEvents.newMemberId();
        String receipt = "0001";
        send(TestEvents.purchaseAt(member, "S-KYOTO", receipt, 4_000, "JPY", Instant.parse("2026-02-01T01:00:00Z")));
        send(TestEvents.purchaseAt(member, "S-OSAKA", receipt, 6_000, "JPY", Instant.parse("2026-02-02T01:00:00Z")));
        send(TestEvents.returned(
                member, "S-OSAKA", "RET-1", receipt, 1_500, "JPY", Instant.parse("2026-02-03T01:00:00Z"), false));

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> activity(MARKETER, member)
                        .statusCode(SC_OK)
                        .body("purchaseCount", equalTo(2))
                        .body("totalSpend", equalTo(8_500))
                        .body("pointsEarned", equalTo(85)));
        assertEquals(8_500, spendIn(member, "JPY"));
    }

    /** The member's spend in {@code currency} as the behavioural metrics see it (member_purchase). */
    private long spendIn(String member, String currency) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select coalesce(sum(amount), 0) from member_purchase where member_id = ?1 and currency = ?2")
                                .setParameter(1, UUID.fromString(member))
                                .setParameter(2, currency)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void otherEventTypesAreIgnoredWithoutADatabaseWrite() {
        String member = TestEvents.newMemberId();
        EventEnvelope referral = new EventEnvelope(
                UUID.randomUUID(),
                "ReferralMade",
                3,
                Instant.now(),
                member,
                JsonNodeFactory.instance.objectNode().put("referred", "someone"));
        EventEnvelope redeemed = new EventEnvelope(
                UUID.randomUUID(),
                "PointsRedeemed",
                1,
                Instant.now(),
                member,
                JsonNodeFactory.instance.objectNode().put("points", 10));
        send(referral);
        send(redeemed);
        send(purchase(member, 1_500, Instant.parse("2026-01-05T00:00:00Z")));

        awaitPurchaseCount(member, 1);
        activity(MARKETER, member).statusCode(SC_OK).body("totalSpend", equalTo(1_500));
        assertEquals(null, processedType(referral.eventId()), "an unknown type is skipped, not recorded");
        assertEquals(null, processedType(redeemed.eventId()), "a type that changes no aggregate likewise");
        assertEquals(List.of(), TestKafka.read(DLQ, r -> member.equals(r.key()), 1, Duration.ofSeconds(3)));
    }

    @Test
    void theTierFollowsTheNewestTierEvent() {
        String member = TestEvents.newMemberId();
        Instant upgradeAt = Instant.now();
        send(purchase(member, 31_000, "JPY", Instant.parse("2026-01-05T00:00:00Z"), "REGULAR", upgradeAt));
        // written in the same transaction as the purchase: same time, later in the partition
        send(TestEvents.tierChanged(member, "REGULAR", "SILVER", upgradeAt));
        // an older tier change and an older purchase delivered late do not take the upgrade back
        send(TestEvents.tierChanged(member, "GOLD", "BRONZE", upgradeAt.minusSeconds(3600)));
        send(purchase(
                member, 100, "JPY", Instant.parse("2026-01-04T00:00:00Z"), "REGULAR", upgradeAt.minusSeconds(7200)));

        awaitPurchaseCount(member, 2);
        activity(MARKETER, member)
                .statusCode(SC_OK)
                .body("tier", equalTo("SILVER"))
                .body("lastPurchaseAt", equalTo("2026-01-05T00:00:00Z"));
    }

    private void awaitPurchaseCount(String member, int count) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> activity(MARKETER, member).statusCode(SC_OK).body("purchaseCount", equalTo(count)));
    }

    private double consumed(String outcome) {
        return counter("loyalty.metrics.events.consumed", "outcome", outcome);
    }

    private double rejected(String reason) {
        return counter("loyalty.metrics.events.rejected", "reason", reason);
    }

    private double counter(String name, String tag, String value) {
        var c = registry.find(name)
                .tag("consumer", Topics.LOYALTY_TRANSACTIONS)
                .tag(tag, value)
                .counter();
        return c == null ? 0 : c.count();
    }

    /** The type the inbox recorded for the event; null if it was not recorded. */
    private String processedType(UUID eventId) {
        List<?> types = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select event_type from "
                                + "processed_event where consumer = :consumer and event_id = :id")
                        .setParameter("consumer", Topics.LOYALTY_TRANSACTIONS)
                        .setParameter("id", eventId)
                        .getResultList());
        return types.isEmpty() ? null : (String) types.get(0);
    }
}
