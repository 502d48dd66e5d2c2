package com.example.loyalty.metrics.service;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.domain.MemberActivity;
import com.example.loyalty.metrics.repository.ProcessedEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.example.loyalty.metrics.service.ActivityService.Outcome.APPLIED;
import static com.example.loyalty.metrics.service.ActivityService.Outcome.DUPLICATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service against the real database, without Kafka: idempotency and concurrency. */
@QuarkusTest
class ActivityServiceTest {

    @Inject
    ActivityService activities;
    @Inject
    ProcessedEventRepository processed;

    @Test
    void theSameEventTwiceCountsOnce() {
        String member = TestEvents.newMemberId();
        EventEnvelope event = TestEvents.purchase(member, 2_500, Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(APPLIED, activities.apply(event));
        assertEquals(DUPLICATE, activities.apply(event));
        MemberActivity a = activityOf(member);
        assertEquals(1, a.purchaseCount);
        assertEquals(2_500, a.totalSpend);
    }

    @Test
    void concurrentDeliveriesOfOneEventCountOnce() throws Exception {
        String member = TestEvents.newMemberId();
        EventEnvelope event = TestEvents.purchase(member, 800, Instant.now());
        List<ActivityService.Outcome> outcomes = concurrently(8, i -> activities.apply(event));
        assertEquals(1, outcomes.stream().filter(o -> o == APPLIED).count(), "outcomes " + outcomes);
        assertEquals(7, outcomes.stream().filter(o -> o == DUPLICATE).count(), "outcomes " + outcomes);
        assertEquals(1, activityOf(member).purchaseCount);
        assertEquals(800, activityOf(member).totalSpend);
    }

    @Test
    void concurrentEventsOfANewMemberAreAllCounted() throws Exception {
        String member = TestEvents.newMemberId();
        List<ActivityService.Outcome> outcomes = concurrently(8,
                i -> activities.apply(TestEvents.purchase(member, 100 * (i + 1), Instant.now())));
        assertEquals(8, outcomes.stream().filter(o -> o == APPLIED).count(), "outcomes " + outcomes);
        MemberActivity a = activityOf(member);
        assertEquals(8, a.purchaseCount);
        assertEquals(100 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8), a.totalSpend);
    }

    @Test
    void anUnprocessableEventChangesNothingAndIsNotMarkedProcessed() {
        String member = TestEvents.newMemberId();
        activities.apply(TestEvents.purchase(member, 1_000, Instant.parse("2026-01-01T00:00:00Z")));
        EventEnvelope usd = TestEvents.purchase(member, 5, "USD", Instant.parse("2026-02-01T00:00:00Z"));
        EventEnvelope v2 = new EventEnvelope(UUID.randomUUID(), "PointsEarned", 2, Instant.now(), member,
                usd.payload());
        EventEnvelope noMember = new EventEnvelope(UUID.randomUUID(), "TierChanged", 1, Instant.now(), null,
                TestEvents.tierChanged(member, "A", "B", Instant.now()).payload());
        for (EventEnvelope bad : List.of(usd, v2, noMember)) {
            assertThrows(UnprocessableEventException.class, () -> activities.apply(bad));
            assertNull(QuarkusTransaction.requiringNew().call(() -> processed.findById(bad.eventId())));
        }
        MemberActivity a = activityOf(member);
        assertEquals(1, a.purchaseCount);
        assertEquals(1_000, a.totalSpend);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), a.lastPurchaseAt);
        assertEquals("JPY", a.currency);
    }

    private MemberActivity activityOf(String member) {
        return QuarkusTransaction.requiringNew().call(() -> activities.activityOf(UUID.fromString(member)));
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> concurrently(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
