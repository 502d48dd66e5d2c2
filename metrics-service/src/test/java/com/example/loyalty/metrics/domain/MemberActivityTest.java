package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberActivityTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-05T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-06T00:00:00Z");

    private static MemberActivity empty() {
        MemberActivity a = new MemberActivity();
        a.memberId = UUID.randomUUID();
        return a;
    }

    @Test
    void purchasesAddUpAndTheLatestTimeWinsWhateverTheOrder() {
        MemberActivity a = empty();
        a.recordPurchase(5_000, "JPY", 50, T2, NOW);
        a.recordPurchase(1_234, "JPY", 12, T1, NOW);
        assertEquals(2, a.purchaseCount);
        assertEquals(6_234, a.totalSpend);
        assertEquals(62, a.pointsEarned);
        assertEquals("JPY", a.currency);
        assertEquals(T2, a.lastPurchaseAt);
        assertEquals(NOW, a.updatedAt);
    }

    @Test
    void anotherCurrencyOrAnImpossibleAmountChangesNothing() {
        MemberActivity a = empty();
        a.recordPurchase(5_000, "JPY", 50, T1, NOW);
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(10, "USD", 0, T2, NOW));
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(0, "JPY", 0, T2, NOW));
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(-5, "JPY", 0, T2, NOW));
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(5, "JPY", -1, T2, NOW));
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(5, "jpy", 0, T2, NOW));
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(5, null, 0, T2, NOW));
        assertThrows(IllegalArgumentException.class, () -> a.recordPurchase(5, "JPY", 0, null, NOW));
        assertEquals(1, a.purchaseCount);
        assertEquals(5_000, a.totalSpend);
        assertEquals(T1, a.lastPurchaseAt);
    }

    @Test
    void anOverflowingSumChangesNothing() {
        MemberActivity a = empty();
        a.recordPurchase(Long.MAX_VALUE, "JPY", 0, T1, NOW);
        assertThrows(ArithmeticException.class, () -> a.recordPurchase(1, "JPY", 1, T2, NOW));
        assertEquals(1, a.purchaseCount);
        assertEquals(Long.MAX_VALUE, a.totalSpend);
        assertEquals(0, a.pointsEarned);
        assertEquals(T1, a.lastPurchaseAt);
    }

    @Test
    void theNewestTierWinsAndAnUpgradeBeatsThePurchaseThatCausedIt() {
        MemberActivity a = empty();
        assertNull(a.tier);
        a.tierSeenOnPurchase("REGULAR", T1, NOW);
        assertEquals("REGULAR", a.tier);
        // written in the same transaction as the purchase: same time, later in the partition
        a.tierChanged("SILVER", T1, NOW);
        assertEquals("SILVER", a.tier);
        // the purchase event redelivered after the upgrade cannot take it back
        a.tierSeenOnPurchase("REGULAR", T1, NOW);
        assertEquals("SILVER", a.tier);
        // an older change arriving late neither
        a.tierChanged("REGULAR", T1.minusSeconds(60), NOW);
        assertEquals("SILVER", a.tier);
        a.tierChanged("GOLD", T2, NOW);
        assertEquals("GOLD", a.tier);
        assertEquals(T2, a.tierAsOf);
        assertThrows(IllegalArgumentException.class, () -> a.tierChanged(" ", T2, NOW));
    }

    @Test
    void timesAreKeptAtDatabasePrecisionSoTheSameTimeStaysTheSame() {
        // PostgreSQL rounds .123456789 up to .123457; an event at .123456789 would then look older
        Instant nanos = Instant.parse("2026-03-01T10:00:00.123456789Z");
        MemberActivity a = empty();
        a.recordPurchase(100, "JPY", 1, nanos, nanos);
        a.tierSeenOnPurchase("REGULAR", nanos, nanos);
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), a.lastPurchaseAt);
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), a.tierAsOf);
        a.tierAsOf = Instant.parse("2026-03-01T10:00:00.123456Z"); // as read back from the database
        a.tierChanged("SILVER", nanos, nanos);
        assertEquals("SILVER", a.tier);
    }

    @Test
    void aReturnTakesBackSpendAndPointsAndAPurchaseGoneNoLongerCounts() {
        MemberActivity a = empty();
        a.recordPurchase(5_000, "JPY", 50, T1, NOW);
        a.recordPurchase(8_000, "JPY", 80, T2, NOW);
        a.recordReturn(2_000, 20, false, null, NOW);
        assertEquals(2, a.purchaseCount);
        assertEquals(11_000, a.totalSpend);
        assertEquals(110, a.pointsEarned);
        assertEquals(T2, a.lastPurchaseAt);

        a.recordReturn(6_000, 60, true, T1, NOW);
        assertEquals(1, a.purchaseCount);
        assertEquals(5_000, a.totalSpend);
        assertEquals(50, a.pointsEarned);
        assertEquals(T1, a.lastPurchaseAt, "the latest purchase still counted");

        a.recordReturn(5_000, 50, true, null, NOW);
        assertEquals(0, a.purchaseCount);
        assertEquals(0, a.totalSpend);
        assertNull(a.currency);
        assertNull(a.lastPurchaseAt);
        assertThrows(IllegalStateException.class, () -> a.recordReturn(1, 0, false, null, NOW));
        assertThrows(IllegalArgumentException.class, () -> empty().recordReturn(-1, 0, false, null, NOW));
    }

    @Test
    void figuresNeverFallBelowZero() {
        MemberActivity a = empty();
        a.recordPurchase(1_000, "JPY", 10, T1, NOW);
        a.recordReturn(5_000, 70, false, null, NOW);
        assertEquals(0, a.totalSpend);
        assertEquals(0, a.pointsEarned);
        assertEquals(1, a.purchaseCount);
    }

    @Test
    void aMergedMemberAddsUpInTheSameCurrencyOnly() {
        MemberActivity survivor = empty();
        survivor.recordPurchase(1_000, "JPY", 10, T1, NOW);
        MemberActivity merged = empty();
        merged.recordPurchase(2_000, "JPY", 20, T2, NOW);
        assertEquals(true, survivor.absorb(merged, NOW));
        assertEquals(2, survivor.purchaseCount);
        assertEquals(3_000, survivor.totalSpend);
        assertEquals(30, survivor.pointsEarned);
        assertEquals(T2, survivor.lastPurchaseAt);

        MemberActivity dollars = empty();
        dollars.recordPurchase(500, "USD", 5, T2, NOW);
        assertEquals(false, survivor.absorb(dollars, NOW));
        assertEquals(2, survivor.purchaseCount);
        assertEquals("JPY", survivor.currency);

        MemberActivity none = empty();
        assertEquals(false, survivor.absorb(none, NOW));
        MemberActivity fresh = empty();
        assertEquals(true, fresh.absorb(dollars, NOW));
        assertEquals("USD", fresh.currency);
        assertEquals(1, fresh.purchaseCount);
        assertEquals(T2, fresh.lastPurchaseAt);
    }
}
