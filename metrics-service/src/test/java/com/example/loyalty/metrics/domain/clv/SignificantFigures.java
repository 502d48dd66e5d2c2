package com.example.loyalty.metrics.domain.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Asserts that two numbers agree when both are rounded to three significant figures. */
public final class SignificantFigures {

    private SignificantFigures() {}

    public static void assertSame3(double expected, double actual, String what) {
        MathContext three = new MathContext(3, RoundingMode.HALF_UP);
        assertEquals(
                new BigDecimal(expected).round(three).stripTrailingZeros(),
                new BigDecimal(actual).round(three).stripTrailingZeros(),
                what + ": " + actual + " against " + expected);
    }
}
