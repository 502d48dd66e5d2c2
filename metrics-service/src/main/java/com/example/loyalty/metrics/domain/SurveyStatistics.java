package com.example.loyalty.metrics.domain;

import java.math.BigInteger;

/**
 * The survey formulas of product.md (Metrics), pure arithmetic on counts. Percentages are of all the answers
 * counted (passives and neutrals count in the denominator); margins of error are the half-width of a 95% interval
 * under the normal approximation ({@value #Z95}·standard error). The sampling variances behind them (in the score's
 * unit squared) are kept here and only here: the margins of error and the significance tests of
 * {@link ComparisonMath} both start from them. Every function answers {@code null} where the value is undefined (no
 * answers; a standard deviation from fewer than two), never divides by zero.
 */
public final class SurveyStatistics {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.96;

    /** From the variance of a proportion to that of a percentage (points): 100². */
    private static final double POINTS_SQUARED = 10_000.0;

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
     * Sampling variance of a net score, in points²: the two shares come from one multinomial sample, so the
     * variance of their difference is (p₊ + p₋ − (p₊ − p₋)²)/n, times 100² for points. Null when n = 0.
     */
    public static Double netVariance(long positive, long negative, long n) {
        if (n == 0) {
            return null;
        }
        double pPlus = (double) positive / n;
        double pMinus = (double) negative / n;
        double diff = pPlus - pMinus;
        return Math.max(0.0, pPlus + pMinus - diff * diff) / n * POINTS_SQUARED;
    }

    /**
     * Margin of error of a net score, in points: 1.96·√{@link #netVariance netVariance}, that is
     * 1.96·√((p₊ + p₋ − (p₊ − p₋)²)/n)·100. Null when n = 0.
     */
    public static Double netMarginOfError(long positive, long negative, long n) {
        return marginOfError(netVariance(positive, negative, n));
    }

    /** Sampling variance of a share given in percent, in points²: p(1 − p)/n times 100². Null when n = 0. */
    public static Double shareVariance(long count, long n) {
        if (n == 0) {
            return null;
        }
        double p = (double) count / n;
        return Math.max(0.0, p * (1 - p)) / n * POINTS_SQUARED;
    }

    /** Margin of error of a share, in points: 1.96·√(p(1−p)/n)·100. Null when n = 0. */
    public static Double shareMarginOfError(long count, long n) {
        return marginOfError(shareVariance(count, n));
    }

    /** The mean of n scores summing to {@code total}; null when n = 0. */
    public static Double mean(long total, long n) {
        return n == 0 ? null : (double) total / n;
    }

    /**
     * The sample variance (divisor n − 1) from the count, sum and sum of squares:
     * s² = (n·Σx² − (Σx)²) / (n(n − 1)), computed exactly in integers before the division. Null for n &lt; 2.
     *
     * @throws IllegalArgumentException if the sums cannot come from real scores (a negative variance)
     */
    public static Double sampleVariance(long n, long total, long totalSquares) {
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
        return numerator.doubleValue() / denominator.doubleValue();
    }

    /** The sample standard deviation (divisor n − 1): √{@link #sampleVariance sampleVariance}. Null for n &lt; 2. */
    public static Double standardDeviation(long n, long total, long totalSquares) {
        Double variance = sampleVariance(n, total, totalSquares);
        return variance == null ? null : Math.sqrt(variance);
    }

    /** Sampling variance of a mean, in the scale's unit squared: s²/n with the sample variance s². Null for n &lt; 2. */
    public static Double meanVariance(long n, long total, long totalSquares) {
        Double variance = sampleVariance(n, total, totalSquares);
        return variance == null ? null : variance / n;
    }

    /** Margin of error of a mean: 1.96·s/√n with the sample standard deviation s. Null for n &lt; 2. */
    public static Double meanMarginOfError(long n, long total, long totalSquares) {
        return marginOfError(meanVariance(n, total, totalSquares));
    }

    /**
     * Margin of error of an estimate whose sampling variance is {@code variance}: 1.96·√variance, the half-width of
     * its 95% interval, in the estimate's unit. Null when the variance is.
     */
    public static Double marginOfError(Double variance) {
        return variance == null ? null : Z95 * Math.sqrt(variance);
    }

    /** Whether a metric from n answers is reported as reliable: n ≥ the minimum sample. */
    public static boolean reliable(long n, int minimumSample) {
        return n >= minimumSample;
    }
}
