package com.example.loyalty.metrics.domain;

/**
 * Customer-value arithmetic of product.md (Metrics): the usual forms of lifetime value and the churn rate. Money
 * is an integer amount in minor units of one currency (JPY has none); results are rounded half up to a minor
 * unit. Sums that overflow throw {@link ArithmeticException} rather than wrap.
 */
public final class LoyaltyMath {

    private LoyaltyMath() {}

    /** LTV from a steady spend: average monthly spend × months (10,000 JPY a month for 3 years = 360,000 JPY). */
    public static long lifetimeValueFromMonthlySpend(long averageMonthlySpend, int months) {
        requireNotNegative(averageMonthlySpend, "average monthly spend");
        requireNotNegative(months, "months");
        return Math.multiplyExact(averageMonthlySpend, (long) months);
    }

    /**
     * LTV = average order value × gross margin × purchases per year × retention years − acquisition and retention
     * cost.
     *
     * @param grossMargin a fraction, 0–1
     */
    public static long lifetimeValue(
            long averageOrderValue,
            double grossMargin,
            double purchasesPerYear,
            double retentionYears,
            long acquisitionAndRetentionCost) {
        requireNotNegative(averageOrderValue, "average order value");
        requireFraction(grossMargin);
        requireNotNegative(purchasesPerYear, "purchases per year");
        requireNotNegative(retentionYears, "retention years");
        requireNotNegative(acquisitionAndRetentionCost, "acquisition and retention cost");
        return Math.subtractExact(
                round(averageOrderValue * grossMargin * purchasesPerYear * retentionYears),
                acquisitionAndRetentionCost);
    }

    /** LTV = annual revenue × margin × years. */
    public static long lifetimeValueFromAnnualRevenue(long annualRevenue, double margin, double years) {
        requireNotNegative(annualRevenue, "annual revenue");
        requireFraction(margin);
        requireNotNegative(years, "years");
        return round(annualRevenue * margin * years);
    }

    /** LTV = average order value × number of purchases. */
    public static long lifetimeValueFromPurchases(long averageOrderValue, long purchases) {
        requireNotNegative(averageOrderValue, "average order value");
        requireNotNegative(purchases, "purchases");
        return Math.multiplyExact(averageOrderValue, purchases);
    }

    /**
     * Churn rate of a period in percent: members who stopped ÷ members active at the period's start × 100; null
     * when nobody was active.
     */
    public static Double churnRate(long stopped, long activeAtStart) {
        requireNotNegative(stopped, "stopped");
        requireNotNegative(activeAtStart, "active at start");
        if (stopped > activeAtStart) {
            throw new IllegalArgumentException(
                    "more members stopped (" + stopped + ") than were active (" + activeAtStart + ")");
        }
        return activeAtStart == 0 ? null : 100.0 * stopped / activeAtStart;
    }

    private static long round(double value) {
        if (Double.isNaN(value) || Math.abs(value) >= 0x1p63) {
            throw new ArithmeticException("value out of range: " + value);
        }
        return Math.round(value);
    }

    private static void requireFraction(double f) {
        if (!(f >= 0.0 && f <= 1.0)) {
            throw new IllegalArgumentException("margin must be a fraction from 0 to 1, was " + f);
        }
    }

    private static void requireNotNegative(double v, String what) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(what + " must not be negative, was " + v);
        }
    }
}
