package com.example.loyalty.metrics.domain;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The significance of a change between two survey scores from independent samples (two waves, two periods, two
 * tiers, ...): a two-sided z test under the normal approximation, with the sampling variances the margins of error
 * already use ({@link SurveyStatistics}: net scores (p₊ + p₋ − (p₊ − p₋)²)/n, means s²/n, shares p(1 − p)/n).
 *
 * <pre>
 * difference = score_b − score_a
 * Var        = Var_a + Var_b                 (independent samples)
 * SE         = √Var
 * z          = difference / SE
 * p          = 2·(1 − Φ(|z|))                (two-sided; Φ the standard normal distribution function)
 * margin     = z₁₋α/₂ · SE                   (1.959964 for α = 0.05)
 * significant ⇔ p &lt; α  ⇔ |difference| &gt; margin
 * </pre>
 *
 * <p>The margin uses the exact normal quantile rather than the rounded 1.96 of the one-sample margins of error, so
 * that "significant" and "the interval difference ± margin leaves out 0" never disagree.
 *
 * <p>When both variances are 0 (every answer in one band on both sides, or identical answers to a mean) the
 * difference is, under the model, known without error: p = 1 when the scores are equal and p = 0 when they are not;
 * z is undefined (null) and the margin is 0.
 */
public final class ComparisonMath {

    /** The significance level used unless configured otherwise. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** Largest accepted significance level: beyond it the "two-sided" interval would be narrower than one SE. */
    public static final double MAX_ALPHA = 0.5;

    /** Φ and Φ⁻¹ only: no sampling, so no random generator, and safe to share between threads. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0.0, 1.0);

    private ComparisonMath() {}

    /**
     * The change from a to b and its test.
     *
     * @param difference    score_b − score_a, in the score's unit
     * @param variance      Var_a + Var_b
     * @param standardError √variance
     * @param marginOfError z₁₋α/₂·SE: half-width of the (1 − α) interval of the difference
     * @param z             difference / SE; null when SE = 0
     * @param pValue        two-sided, 0–1
     * @param significant   p &lt; α
     */
    public record Difference(
            double difference,
            double variance,
            double standardError,
            double marginOfError,
            Double z,
            double pValue,
            boolean significant) {

        /** difference − margin of error. */
        public double low() {
            return difference - marginOfError;
        }

        /** difference + margin of error. */
        public double high() {
            return difference + marginOfError;
        }
    }

    /**
     * Tests score_b − score_a for two independent estimates.
     *
     * @param varianceA sampling variance of score_a (its unit squared), ≥ 0
     * @param varianceB sampling variance of score_b, ≥ 0
     * @param alpha     the significance level, 0 &lt; α ≤ {@value #MAX_ALPHA}
     */
    public static Difference difference(
            double scoreA, double varianceA, double scoreB, double varianceB, double alpha) {
        requireAlpha(alpha);
        if (!(varianceA >= 0) || !(varianceB >= 0)) {
            throw new IllegalArgumentException("variances must be ≥ 0, were " + varianceA + " and " + varianceB);
        }
        if (!Double.isFinite(scoreA) || !Double.isFinite(scoreB)) {
            throw new IllegalArgumentException("scores must be finite, were " + scoreA + " and " + scoreB);
        }
        double difference = scoreB - scoreA;
        double variance = varianceA + varianceB;
        double se = Math.sqrt(variance);
        if (se == 0.0) {
            boolean different = difference != 0.0;
            return new Difference(difference, 0.0, 0.0, 0.0, null, different ? 0.0 : 1.0, different);
        }
        double z = difference / se;
        double p = twoSidedPValue(z);
        return new Difference(difference, variance, se, criticalZ(alpha) * se, z, p, p < alpha);
    }

    /** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|) (computed in the tail, exact for large |z|). */
    public static double twoSidedPValue(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z is NaN");
        }
        return Math.min(1.0, 2.0 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** The two-sided critical value z₁₋α/₂ = Φ⁻¹(1 − α/2): 1.959964 for α = 0.05, 2.575829 for α = 0.01. */
    public static double criticalZ(double alpha) {
        requireAlpha(alpha);
        return -STANDARD_NORMAL.inverseCumulativeProbability(alpha / 2.0);
    }

    /** Whether {@code alpha} is a usable significance level: 0 &lt; α ≤ {@value #MAX_ALPHA}. */
    public static boolean validAlpha(double alpha) {
        return alpha > 0.0 && alpha <= MAX_ALPHA;
    }

    private static void requireAlpha(double alpha) {
        if (!validAlpha(alpha)) {
            throw new IllegalArgumentException("alpha must be > 0 and ≤ " + MAX_ALPHA + ", was " + alpha);
        }
    }
}
