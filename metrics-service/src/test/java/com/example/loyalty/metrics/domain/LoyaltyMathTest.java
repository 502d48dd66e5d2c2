package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoyaltyMathTest {

    @Test
    void tenThousandYenAMonthForThreeYearsIs360000Yen() {
        assertEquals(360_000, LoyaltyMath.lifetimeValueFromMonthlySpend(10_000, 3 * 12));
    }

    @Test
    void theOtherFormsOfLifetimeValue() {
        // 120,000 JPY a year, all of it margin, for 3 years: the same 360,000
        assertEquals(360_000, LoyaltyMath.lifetimeValueFromAnnualRevenue(120_000, 1.0, 3));
        // 5,000 JPY orders, 30% margin, 12 a year, 3 years, 20,000 JPY to win and keep: 5000·0.3·12·3 − 20000
        assertEquals(34_000, LoyaltyMath.lifetimeValue(5_000, 0.3, 12, 3, 20_000));
        // 2,500 JPY × 144 purchases
        assertEquals(360_000, LoyaltyMath.lifetimeValueFromPurchases(2_500, 144));
    }

    @Test
    void churnRate() {
        // 12 of 400 active members stopped: 3%
        assertEquals(3.0, LoyaltyMath.churnRate(12, 400), 1e-9);
        assertNull(LoyaltyMath.churnRate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> LoyaltyMath.churnRate(5, 4));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoyaltyMath.lifetimeValueFromMonthlySpend(-1, 36));
        assertThrows(IllegalArgumentException.class, () -> LoyaltyMath.lifetimeValueFromAnnualRevenue(1, 1.5, 3));
        assertThrows(ArithmeticException.class, () -> LoyaltyMath.lifetimeValueFromPurchases(Long.MAX_VALUE, 2));
    }
}
