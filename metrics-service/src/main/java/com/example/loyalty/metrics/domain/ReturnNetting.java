package com.example.loyalty.metrics.domain;

/**
 * What one return does to the purchase it names: the spend it takes from what is left of the purchase (never more), and
 * whether the purchase still counts. A purchase returned in full (the return says so, or nothing of its spend is left)
 * no longer counts as a purchase at all: its remaining spend goes with it, so recency, frequency and spend all forget
 * it.
 *
 * @param spendRemoved   how much the purchase's counted spend falls (all that was left when the purchase is gone)
 * @param remaining      the purchase's spend after the return; 0 when it is gone
 * @param returnedAmount what has come back of the purchase in all, this return included
 * @param gone           whether the purchase no longer counts
 */
public record ReturnNetting(long spendRemoved, long remaining, long returnedAmount, boolean gone) {

    /**
     * @param left           the purchase's spend still counted (minor units), not negative
     * @param returnedBefore what earlier returns took from it
     * @param amount         the return's amount, positive
     * @param fullyReturned  whether the return says the whole purchase has now come back
     * @throws IllegalArgumentException if an amount is out of range
     * @throws ArithmeticException      if a sum overflows
     */
    public static ReturnNetting of(long left, long returnedBefore, long amount, boolean fullyReturned) {
        if (left < 0 || returnedBefore < 0) {
            throw new IllegalArgumentException("a purchase's spend and returns are not negative");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("a return's amount must be positive, was " + amount);
        }
        long taken = Math.min(left, amount);
        boolean gone = fullyReturned || left - taken == 0;
        long removed = gone ? left : taken;
        return new ReturnNetting(removed, left - removed, Math.addExact(returnedBefore, removed), gone);
    }
}
