package com.example.loyalty.metrics.domain.clv;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while
 * alive a member buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Time is in weeks, so α is in weeks.
 *
 * @param r     shape of the purchase-rate heterogeneity
 * @param alpha scale of the purchase-rate heterogeneity (weeks)
 * @param a     first shape of the drop-out probability
 * @param b     second shape of the drop-out probability
 */
public record BgNbd(double r, double alpha, double a, double b) {

    /** Most terms of the hypergeometric series before giving up (never reached with a horizon of ten years). */
    static final int MAX_SERIES_TERMS = 5_000_000;

    public BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)
                || Double.isInfinite(r)
                || Double.isInfinite(alpha)
                || Double.isInfinite(a)
                || Double.isInfinite(b)) {
            throw new IllegalArgumentException(
                    "BG/NBD parameters must be positive and finite: r=" + r + ", α=" + alpha + ", a=" + a + ", b=" + b);
        }
    }

    /**
     * The log-likelihood of one member's (x, t_x, T) (equation 6 of the paper, in logs):
     *
     * <pre>
     * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
     *        + ln[ (α+T)^−(r+x) + δ(x&gt;0) · a/(b+x−1) · (α+t_x)^−(r+x) ]
     * </pre>
     */
    public double logLikelihood(int x, double tx, double t) {
        double common = Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                + r * Math.log(alpha)
                + Gamma.logGamma(a + b)
                + Gamma.logGamma(b + x)
                - Gamma.logGamma(b)
                - Gamma.logGamma(a + b + x);
        double survived = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return common + survived;
        }
        double droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return common + logAddExp(survived, droppedOut);
    }

    /** {@link #logLikelihood(int, double, double)} of a summary. */
    public double logLikelihood(PurchaseSummary s) {
        return logLikelihood(s.frequency(), s.recencyWeeks(), s.ageWeeks());
    }

    /**
     * P(alive | x, t_x, T) = 1 / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (equation 13). A member without
     * a repeat purchase is alive with probability 1 in this model: drop-out only happens right after a purchase.
     */
    public double probabilityAlive(int x, double tx, double t) {
        return 1 / (1 + dropOutOdds(x, tx, t));
    }

    /**
     * E[Y(h) | x, t_x, T]: the expected number of purchases in the next {@code horizon} weeks (equation 10):
     *
     * <pre>
     * E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+h))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z)] / (1 + δ(x&gt;0) · odds),
     * z = h/(α+T+h)
     * </pre>
     *
     * <p>Evaluated through Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) (DLMF 15.8.1), which
     * here gives {@code ((α+T)/(α+T+h))^(r+x) ₂F₁(...) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)}: the new upper
     * parameters do not grow with x, the terms never overflow, and the factor 1/(a−1) cancels analytically, so
     * {@code [1 − (1−z)^(a−1) F]/(a−1) = −expm1((a−1) ln(1−z))/(a−1) − (1−z)^(a−1) G} with
     * {@code G = (F − 1)/(a−1) = Σ_{n≥1} (a+b−1−r)_n (a)_(n−1) / ((a+b+x−1)_n n!) z^n}, which stays exact at a = 1.
     *
     * @param horizon weeks ahead, ≥ 0
     * @throws ArithmeticException if the series does not converge in {@link #MAX_SERIES_TERMS} terms (only for z
     *                             within about 1e-6 of 1, a horizon a million times α+T)
     */
    public double expectedPurchases(double horizon, int x, double tx, double t) {
        if (!(horizon >= 0)) {
            throw new IllegalArgumentException("horizon must be ≥ 0, was " + horizon);
        }
        if (horizon == 0) {
            return 0;
        }
        double z = horizon / (alpha + t + horizon);
        double log1mz = Math.log(alpha + t) - Math.log(alpha + t + horizon);
        double am1 = a - 1;
        double first = Math.abs(am1) < 1e-12 ? -log1mz : -Math.expm1(am1 * log1mz) / am1;
        double g = series(a + b - 1 - r, a, a + b + x - 1, z);
        double bracket = first - Math.exp(am1 * log1mz) * g;
        return (a + b + x - 1) * bracket / (1 + dropOutOdds(x, tx, t));
    }

    /** The mean of the purchase rate over members, r/α purchases a week (for the record). */
    public double meanPurchaseRate() {
        return r / alpha;
    }

    /** δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x), in logs until the end; may be +∞ (then P(alive) = 0). */
    private double dropOutOdds(int x, double tx, double t) {
        if (x == 0) {
            return 0;
        }
        return Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + t) - Math.log(alpha + tx)));
    }

    /**
     * {@code Σ_{n≥1} (p)_n (q)_(n−1) / ((c)_n n!) z^n} for 0 ≤ z &lt; 1 and c &gt; 0. The ratio of consecutive terms is
     * {@code ρ_n = z (p+n)(q+n−1) / ((c+n)(n+1))}, a rational function of n tending to z &lt; 1, so the series
     * converges (absolutely) and its ratios are monotone from some n on. Summation stops once a term is below 1e-17 of
     * the sum and the tail, bounded by {@code |term| · ρ/(1−ρ)} with {@code ρ = max(ρ_n, z)} &lt; 1 (the later ratios
     * lie between ρ_n and their limit z), is below 1e-16 of the sum.
     */
    static double series(double p, double q, double c, double z) {
        if (z == 0) {
            return 0;
        }
        double term = p / c * z;
        double sum = term;
        for (int n = 1; n < MAX_SERIES_TERMS; n++) {
            double ratio = z * (p + n) * (q + n - 1) / ((c + n) * (n + 1));
            term *= ratio;
            sum += term;
            double rho = Math.max(Math.abs(ratio), z);
            if (term == 0 || (rho < 1 && Math.abs(term) * rho / (1 - rho) <= 1e-16 * Math.abs(sum))) {
                return sum;
            }
        }
        throw new ArithmeticException("the hypergeometric series did not converge in " + MAX_SERIES_TERMS
                + " terms (z = " + z + "): the horizon is too long for α+T");
    }

    private static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }
}
