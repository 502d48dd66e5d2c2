package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.PurchaseRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RollingSpendTest {

    private static final TierLadderView LADDER =
            new TierLadderView(12, 1, List.of(new TierLadderView.Step("REGULAR", "Regular", 0, 0, BigDecimal.ONE)));

    /** A repository whose window sum is given by the test, counting how often it is asked. */
    static final class Purchases extends PurchaseRepository {
        final AtomicInteger asked = new AtomicInteger();
        WindowSummary next = new WindowSummary(0, null);

        @Override
        public WindowSummary windowSummary(UUID memberId, Instant since) {
            asked.incrementAndGet();
            return next;
        }
    }

    @Test
    void aPurchaseStopsCountingNoEarlierThanItsExpiryWhateverTheMonthLengths() {
        SplittableRandom random = new SplittableRandom(7);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            Instant occurred = base.plusSeconds(random.nextLong(3L * 365 * 86_400));
            for (int months : new int[] {1, 3, 12}) {
                TierLadderView ladder = new TierLadderView(months, 1, LADDER.steps());
                Instant expiry = RollingSpend.expiry(occurred, ladder);
                Instant before = expiry.minusSeconds(1 + random.nextLong(86_400));
                assertTrue(occurred.isAfter(ladder.windowStart(before)), occurred + " counts at " + before);
            }
        }
    }

    @Test
    void theRunningFigureIsUsedUntilItsOldestPurchaseExpiresThenRecomputedOnce() {
        Purchases purchases = new Purchases();
        RollingSpend spend = new RollingSpend(purchases);
        Member m = new Member();
        m.id = UUID.randomUUID();
        Instant now = Instant.parse("2026-06-15T10:00:00Z");

        purchases.next = new PurchaseRepository.WindowSummary(5_000, now.minus(Duration.ofDays(300)));
        assertEquals(5_000, spend.current(m, LADDER, now), "unknown window: recomputed");
        assertEquals(1, purchases.asked.get());
        spend.count(m, LADDER, now, 2_000, now);
        assertEquals(7_000, spend.current(m, LADDER, now.plusSeconds(60)));
        assertEquals(7_000, spend.peek(m, LADDER, now.plusSeconds(60)));
        assertEquals(1, purchases.asked.get(), "no statement while nothing expired");

        Instant afterOldest = now.plus(Duration.ofDays(70));
        assertFalse(RollingSpend.valid(m, LADDER, afterOldest));
        purchases.next = new PurchaseRepository.WindowSummary(2_000, now);
        assertEquals(2_000, spend.current(m, LADDER, afterOldest), "the expired purchase is gone");
        assertEquals(2, purchases.asked.get());
    }

    @Test
    void aPurchaseOutsideTheWindowDoesNotCountAndAWindowChangeRecomputes() {
        Purchases purchases = new Purchases();
        RollingSpend spend = new RollingSpend(purchases);
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.windowMonths = 12;
        Instant now = Instant.parse("2026-06-15T10:00:00Z");

        spend.count(m, LADDER, now.minus(Duration.ofDays(400)), 9_000, now);
        assertEquals(0, spend.current(m, LADDER, now));
        assertEquals(0, purchases.asked.get());

        TierLadderView sixMonths = new TierLadderView(6, 2, LADDER.steps());
        purchases.next = new PurchaseRepository.WindowSummary(1_234, now.minus(Duration.ofDays(10)));
        assertEquals(1_234, spend.current(m, sixMonths, now));
        assertEquals(6, m.windowMonths);
    }
}
