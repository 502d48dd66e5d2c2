package com.example.loyalty.points.service;

import java.math.BigInteger;

/** How many of a purchase's points its returns reverse. Pure arithmetic, no state. */
public final class ReturnRules {

    private ReturnRules() {}

    /**
     * The points reversed in all once {@code returnedSoFar} of a purchase of {@code amount} that earned {@code earned}
     * points has come back: {@code floor(earned * returnedSoFar / amount)}. Cumulative, so the points one return
     * reverses are this minus what the returns before it reversed: partial returns never take back more than the
     * purchase earned in all (they may take a point less each, rounding down), and a full return takes back exactly
     * what it earned.
     */
    public static long reversedAfter(long earned, long returnedSoFar, long amount) {
        if (earned < 0 || returnedSoFar < 0 || amount <= 0 || returnedSoFar > amount) {
            throw new IllegalArgumentException(
                    "earned " + earned + ", returned " + returnedSoFar + " of " + amount + " make no return");
        }
        return BigInteger.valueOf(earned)
                .multiply(BigInteger.valueOf(returnedSoFar))
                .divide(BigInteger.valueOf(amount))
                .longValueExact();
    }
}
