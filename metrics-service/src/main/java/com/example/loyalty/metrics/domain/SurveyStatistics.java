package com.example.loyalty.metrics.domain;

import java.math.BigInteger;

/**
 * The survey formulas of product.md (Metrics), pure arithmetic on counts. Percentages are of all the answers
 * counted (passives and neutrals count in the denominator); margins of error are the half-width of a 95% interval
 * under the normal approximation ({@value #Z95}·standard error). Every function answers {@code null} where the
 * value is undefined (no answers; a standard deviation from fewer than two), never divides by zero.
 */
public final class SurveyStatistics {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.96;

    private SurveyStatistics() {}

    /** {@code count} as a percentage of {@code n}; null when n = 0. */
    public static Double percent(long count, long n) {
        return n == 0 ? null : 100.0 * count / n;
    }

    /**
     * A net score: %positive − %negative, from −100 to +100 (NPS: promoters − detractors; NRS: repeaters − at
     * risk; CES yes/no: "no effort" − "effort"). Null when n = 0.
     */
    public static Double netScore(long positive, long negative, long n) {
        return n == 0 ? null : 100.0 * (positive - negative) / n;
    }

    /**
     * Margin of error of a net score, in points: the two shares come from one multinomial sample, so the variance
     * of their difference is (p₊ + p₋ − (p₊ − p₋)²)/n, and MoE = 1.96·√that·100. Null when n = 0.
     */
    public static Double netMarginOfError(long positive, long negative, long n) {
        if (n == 0) {
            return null;
        }
        double pPlus = (double) positive / n;
        double pMinus = (double) negative / n;
        double diff = pPlus - pMinus;
        double variance = Math.max(0.0, pPlus + pMinus - diff * diff) / n;
        return Z95 * Math.sqrt(variance) * 100.0;
    }

    /** Margin of error of a share, in points: 1.96·√(p(1−p)/n)·100. Null when n = 0. */
    public static Double shareMarginOfError(long count, long n) {
        if (n == 0) {
            return null;
        }
        double p = (double) count / n;
        return Z95 * Math.sqrt(Math.max(0.0, p * (1 - p)) / n) * 100.0;
    }

    /** The mean of n scores summing to {@code total}; null when n = 0. */
    public static Double mean(long total, long n) {
        return n == 0 ? null : (double) total / n;
    }

    /**
     * The sample standard deviation (divisor n − 1) from the count, sum and sum of squares:
     * s² = (n·Σx² − (Σx)²) / (n(n − 1)), computed exactly in integers before the square root. Null for n &lt; 2.
     */
    public static Double standardDeviation(long n, long total, long totalSquares) {
        if (n < 2) {
            return null;
        }
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger numerator = bn.multiply(BigInteger.valueOf(totalSquares))
                .subtract(BigInteger.valueOf(total).pow(2));
        if (numerator.signum() < 0) {
            throw new IllegalArgumentException(
                    "inconsistent sums: n=" + n + " total=" + total + " totalSquares=" + totalSquares);
        }
        BigInteger denominator = bn.multiply(bn.subtract(BigInteger.ONE));
        return Math.sqrt(numerator.doubleValue() / denominator.doubleValue());
    }

    /** Margin of error of a mean: 1.96·s/√n with the sample standard deviation s. Null for n &lt; 2. */
    public static Double meanMarginOfError(long n, long total, long totalSquares) {
        Double s = standardDeviation(n, total, totalSquares);
        return s == null ? null : Z95 * s / Math.sqrt(n);
    }

    /** Whether a metric from n answers is reported as reliable: n ≥ the minimum sample. */
    public static boolean reliable(long n, int minimumSample) {
        return n >= minimumSample;
    }
}
