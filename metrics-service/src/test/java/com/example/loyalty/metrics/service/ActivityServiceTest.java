package com.example.loyalty.metrics.service;

import static com.example.loyalty.messaging.consumer.EventConsumer.Outcome.APPLIED;
import static com.example.loyalty.messaging.consumer.EventConsumer.Outcome.DUPLICATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.PoisonEventException;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The service as the handler of the consumer idiom, against the real database, without Kafka: idempotency (the
 * idiom's inbox and the service's aggregate change in one transaction) and concurrency.
 */
@QuarkusTest
class ActivityServiceTest {

    @Inject
    ActivityService activities;

    @Inject
    EventConsumer consumer;

    @Inject
    Inbox inbox;

    @Test
    void theSameEventTwiceCountsOnce() {
        String member = TestEvents.newMemberId();
        EventEnvelope event = TestEvents.purchase(member, 2_500, Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(APPLIED, consume(event));
        assertEquals(DUPLICATE, consume(event));
        MemberActivityView a = activityOf(member);
        assertEquals(1, a.purchaseCount());
        assertEquals(2_500, a.totalSpend());
    }

    @Test
    void concurrentDeliveriesOfOneEventCountOnce() throws Exception {
        String member = TestEvents.newMemberId();
        EventEnvelope event = TestEvents.purchase(member, 800, Instant.now());
        List<EventConsumer.Outcome> outcomes = Concurrently.run(IntStream.range(0, 8)
                .<Callable<EventConsumer.Outcome>>mapToObj(i -> () -> consume(event))
                .toList());
        assertEquals(1, outcomes.stream().filter(o -> o == APPLIED).count(), "outcomes " + outcomes);
        assertEquals(7, outcomes.stream().filter(o -> o == DUPLICATE).count(), "outcomes " + outcomes);
        assertEquals(1, activityOf(member).purchaseCount());
        assertEquals(800, activityOf(member).totalSpend());
    }

    @Test
    void concurrentEventsOfANewMemberAreAllCounted() throws Exception {
        String member = TestEvents.newMemberId();
        List<EventConsumer.Outcome> outcomes = Concurrently.run(IntStream.range(0, 8)
                .<Callable<EventConsumer.Outcome>>mapToObj(
                        i -> () -> consume(TestEvents.purchase(member, 100 * (i + 1), Instant.now())))
                .toList());
        assertEquals(8, outcomes.stream().filter(o -> o == APPLIED).count(), "outcomes " + outcomes);
        MemberActivityView a = activityOf(member);
        assertEquals(8, a.purchaseCount());
        assertEquals(100 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8), a.totalSpend());
    }

    @Test
    void anUnprocessableEventChangesNothingAndIsNotMarkedProcessed() {
        String member = TestEvents.newMemberId();
        consume(TestEvents.purchase(member, 1_000, Instant.parse("2026-01-01T00:00:00Z")));
        EventEnvelope usd = TestEvents.purchase(member, 5, "USD", Instant.parse("2026-02-01T00:00:00Z"));
        EventEnvelope nothingSpent = TestEvents.purchase(member, 0, "USD", Instant.parse("2026-02-01T00:00:00Z"));
        EventEnvelope v2 =
                new EventEnvelope(UUID.randomUUID(), "PointsEarned", 2, Instant.now(), member, usd.payload());
        EventEnvelope noMember = new EventEnvelope(
                UUID.randomUUID(),
                "TierChanged",
                1,
                Instant.now(),
                null,
                TestEvents.tierChanged(member, "A", "B", Instant.now()).payload());
        for (EventEnvelope bad : List.of(nothingSpent, v2, noMember)) {
            assertThrows(UnprocessableEventException.class, () -> activities.apply(bad));
            // through the idiom: dead-lettered at once, not recorded as processed (it can be replayed after a fix)
            assertThrows(PoisonEventException.class, () -> consume(bad));
            assertFalse(inbox.isProcessed(Topics.LOYALTY_TRANSACTIONS, bad.eventId()));
        }
        MemberActivityView a = activityOf(member);
        assertEquals(1, a.purchaseCount());
        assertEquals(1_000, a.totalSpend());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), a.lastPurchaseAt());
        assertEquals("JPY", a.currency());
    }

    /** The event as LoyaltyTransactionsConsumer hands it over. */
    private EventConsumer.Outcome consume(EventEnvelope event) {
        return consumer.consume(Topics.LOYALTY_TRANSACTIONS, EventJson.write(event), activities::apply);
    }

    private MemberActivityView activityOf(String member) {
        return activities.activityOf(UUID.fromString(member));
    }
}
