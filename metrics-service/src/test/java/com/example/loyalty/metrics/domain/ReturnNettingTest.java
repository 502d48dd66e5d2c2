package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReturnNettingTest {

    @Test
    void aPartialReturnTakesItsAmount() {
        assertEquals(new ReturnNetting(3_000, 7_000, 3_000, false), ReturnNetting.of(10_000, 0, 3_000, false));
        assertEquals(new ReturnNetting(2_000, 5_000, 5_000, false), ReturnNetting.of(7_000, 3_000, 2_000, false));
    }

    @Test
    void aReturnOfEverythingLeftOrSaidToBeFullRemovesThePurchase() {
        assertEquals(new ReturnNetting(7_000, 0, 10_000, true), ReturnNetting.of(7_000, 3_000, 7_000, false));
        assertEquals(new ReturnNetting(7_000, 0, 10_000, true), ReturnNetting.of(7_000, 3_000, 7_000, true));
        // points-service says the purchase is back in full: whatever is left of its spend goes with it
        assertEquals(new ReturnNetting(7_000, 0, 7_000, true), ReturnNetting.of(7_000, 0, 6_999, true));
    }

    @Test
    void aReturnNeverTakesMoreThanIsLeft() {
        assertEquals(new ReturnNetting(500, 0, 10_000, true), ReturnNetting.of(500, 9_500, 2_000, false));
    }

    @Test
    void impossibleAmountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReturnNetting.of(1_000, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> ReturnNetting.of(1_000, 0, -1, false));
        assertThrows(IllegalArgumentException.class, () -> ReturnNetting.of(-1, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> ReturnNetting.of(1, -1, 1, false));
        assertThrows(ArithmeticException.class, () -> ReturnNetting.of(10, Long.MAX_VALUE, 5, true));
    }
}
