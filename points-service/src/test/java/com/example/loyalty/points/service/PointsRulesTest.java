package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.domain.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

    @Test
    void pointsAreBaseTimesMultiplierRoundedDown() {
        assertEquals(0, PurchaseService.points(99, BigDecimal.ONE, 100));
        assertEquals(1, PurchaseService.points(100, BigDecimal.ONE, 100));
        assertEquals(123, PurchaseService.points(12_399, BigDecimal.ONE, 100));
        assertEquals(13, PurchaseService.points(1_099, new BigDecimal("1.25"), 100));
        assertEquals(125, PurchaseService.points(10_000, new BigDecimal("1.25"), 100));
        assertEquals(149, PurchaseService.points(9_999, new BigDecimal("1.5"), 100));
        assertEquals(20_000_000_000L, PurchaseService.points(1_000_000_000_000L, new BigDecimal("2"), 100));
    }

    @Test
    void ladderFindsTheQualifyingAndNextTier() {
        TierLadderView ladder = TierLadderView.of(
                12,
                1,
                List.of(
                        tier("GOLD", 2, 100_000, "1.5"), tier("REGULAR", 0, 0, "1"),
                        tier("SILVER", 1, 30_000, "1.25"), tier("PLATINUM", 3, 300_000, "2")));
        assertEquals("REGULAR", ladder.qualifyingTier(29_999).code());
        assertEquals("SILVER", ladder.qualifyingTier(30_000).code());
        assertEquals("GOLD", ladder.qualifyingTier(299_999).code());
        assertEquals("PLATINUM", ladder.qualifyingTier(10_000_000).code());
        assertEquals("SILVER", ladder.next("REGULAR").orElseThrow().code());
        assertTrue(ladder.next("PLATINUM").isEmpty());
        assertEquals(Instant.parse("2025-02-28T00:00:00Z"), ladder.windowStart(Instant.parse("2026-02-28T00:00:00Z")));
    }

    @Test
    void ladderRulesRejectBrokenLadders() {
        var ok = List.of(def("A", 0, "1"), def("B", 10, "1.5"));
        TierService.validate(ok);
        assertRejected(List.of());
        assertRejected(List.of(def("A", 1, "1")));
        assertRejected(List.of(def("A", 0, "1"), def("A", 10, "1")));
        assertRejected(List.of(def("A", 0, "1"), def("B", 0, "1")));
        assertRejected(List.of(def("A", 0, "10.5")));
        assertRejected(List.of(def("A", 0, "1.0001")));
    }

    @Test
    void cardCodesCarryALuhnCheckDigit() {
        for (int i = 0; i < 1000; i++) {
            String code = CardCodes.generate("88");
            assertEquals(16, code.length());
            assertTrue(code.startsWith("88"));
            assertTrue(CardCodes.isValid(code), code);
        }
        assertTrue(CardCodes.isValid("4539578763621486"));
        assertFalse(CardCodes.isValid("4539578763621487"));
        assertFalse(CardCodes.isValid("45395787636214"));
        assertFalse(CardCodes.isValid("453957876362148a"));
    }

    private static void assertRejected(List<TierService.TierDefinition> ladder) {
        try {
            TierService.validate(ladder);
        } catch (RuntimeException expected) {
            return;
        }
        throw new AssertionError("accepted " + ladder);
    }

    private static TierService.TierDefinition def(String code, long threshold, String multiplier) {
        return new TierService.TierDefinition(code, code, threshold, new BigDecimal(multiplier));
    }

    private static Tier tier(String code, int rank, long threshold, String multiplier) {
        Tier t = new Tier();
        t.code = code;
        t.name = code;
        t.rank = rank;
        t.thresholdSpend = threshold;
        t.multiplier = new BigDecimal(multiplier);
        return t;
    }
}
