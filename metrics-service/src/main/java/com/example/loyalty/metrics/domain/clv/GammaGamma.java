package com.example.loyalty.metrics.domain.clv;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase occasion (Fader, Hardie &amp; Lee 2005, "RFM and CLV", and Fader &amp;
 * Hardie's note "The Gamma-Gamma model of monetary value"): a member's spends are Gamma(p, ν_i), ν_i ~ Gamma(q, γ);
 * {@code v} is γ, in major units of the currency (the same units as zbar). Fitted on repeaters only, independent of
 * the purchase process.
 *
 * @param p shape of a member's spend per occasion
 * @param q shape of the heterogeneity
 * @param v scale of the heterogeneity (γ), major units
 */
public record GammaGamma(double p, double q, double v) {

    public GammaGamma {
        if (!(p > 0 && q > 0 && v > 0) || Double.isInfinite(p) || Double.isInfinite(q) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(
                    "Gamma-Gamma parameters must be positive and finite: p=" + p + ", q=" + q + ", v=" + v);
        }
    }

    /**
     * The log density of a repeater's mean spend zbar over x occasions:
     *
     * <pre>
     * ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln ν + (px−1) ln zbar + px ln x − (px+q) ln(ν + x zbar)
     * </pre>
     *
     * @throws IllegalArgumentException if x = 0 or zbar ≤ 0 (not a repeater)
     */
    public double logLikelihood(int x, double zbar) {
        if (x <= 0 || !(zbar > 0)) {
            throw new IllegalArgumentException("the Gamma-Gamma model covers repeaters with spend only");
        }
        double px = p * x;
        return Gamma.logGamma(px + q)
                - Gamma.logGamma(px)
                - Gamma.logGamma(q)
                + q * Math.log(v)
                + (px - 1) * Math.log(zbar)
                + px * Math.log(x)
                - (px + q) * Math.log(v + x * zbar);
    }

    /** Whether the population has a finite mean spend (q &gt; 1): needed for members without a repeat purchase. */
    public boolean hasFiniteMean() {
        return q > 1;
    }

    /** The population mean spend per occasion, pν/(q−1); +∞ when q ≤ 1. */
    public double populationMeanSpend() {
        return hasFiniteMean() ? p * v / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * E[M | p, q, ν; x, zbar] = p (ν + x zbar) / (px + q − 1): a weighted mean of the population mean pν/(q−1) and the
     * member's own zbar, the weight of zbar growing with x. With x = 0 the population mean.
     *
     * @throws IllegalStateException if px + q ≤ 1 (the expectation is infinite)
     */
    public double expectedSpend(int x, double zbar) {
        double denominator = p * x + q - 1;
        if (!(denominator > 0)) {
            throw new IllegalStateException("E[M] is infinite for q = " + q + " and x = " + x);
        }
        return p * (v + x * zbar) / denominator;
    }
}
