package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReturnRulesTest {

    @Test
    void threePartsOfAPurchaseEarningTenPointsTakeBackThreeThreeAndFour() {
        // 1000 JPY earned 10 points; returned in three parts of 333, 333 and 334
        long afterFirst = ReturnRules.reversedAfter(10, 333, 1000);
        long afterSecond = ReturnRules.reversedAfter(10, 666, 1000);
        long afterThird = ReturnRules.reversedAfter(10, 1000, 1000);
        assertEquals(List.of(3L, 3L, 4L), List.of(afterFirst, afterSecond - afterFirst, afterThird - afterSecond));
    }

    @Test
    void aFullReturnTakesBackExactlyWhatThePurchaseEarned() {
        assertEquals(10, ReturnRules.reversedAfter(10, 1000, 1000));
        assertEquals(0, ReturnRules.reversedAfter(0, 500, 500));
        assertEquals(123_456_789_000L, ReturnRules.reversedAfter(123_456_789_000L, 999_999_999_999L, 999_999_999_999L));
    }

    @Test
    void partialReturnsNeverTakeBackMoreThanEarnedAndAllPartsTakeBackAll() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            long amount = 1 + random.nextInt(100_000);
            long earned = random.nextInt(5_000);
            List<Long> parts = new ArrayList<>();
            long left = amount;
            while (left > 0) {
                long part = 1 + (long) (random.nextDouble() * left);
                parts.add(part);
                left -= part;
            }
            long returned = 0;
            long reversed = 0;
            for (long part : parts) {
                returned += part;
                long after = ReturnRules.reversedAfter(earned, returned, amount);
                assertTrue(after >= reversed, "never gives points back");
                assertTrue(after <= earned, "never more than earned");
                // within a point of the exact share
                assertTrue(earned * returned - after * amount < amount);
                reversed = after;
            }
            assertEquals(earned, reversed, "all parts take back all");
        }
    }

    @Test
    void noProductOverflows() {
        assertEquals(Long.MAX_VALUE / 2, ReturnRules.reversedAfter(Long.MAX_VALUE, Long.MAX_VALUE / 2, Long.MAX_VALUE));
    }

    @Test
    void moreThanTheAmountIsNoReturn() {
        assertThrows(IllegalArgumentException.class, () -> ReturnRules.reversedAfter(10, 1001, 1000));
        assertThrows(IllegalArgumentException.class, () -> ReturnRules.reversedAfter(10, 1, 0));
    }
}
