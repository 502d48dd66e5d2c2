package com.example.loyalty.metrics.domain.clv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The probabilistic lifetime value model of one currency: BG/NBD for purchase occasions and Gamma-Gamma for spend per
 * occasion, fitted on the members' purchases up to {@code calibrationEnd} (days in {@code zone}).
 *
 * @param currency           ISO 4217 code; spends ({@code gammaGamma.v()}) are in its major units
 * @param calibrationEnd     last day of the calibration period (included)
 * @param zone               the zone whose calendar days purchases were counted on
 * @param bgNbd              the purchase process
 * @param bgNbdLogLikelihood its log-likelihood, summed over {@code members}
 * @param gammaGamma         the spend process
 * @param gammaGammaLogLikelihood its log-likelihood, summed over {@code repeaters}
 * @param members            members with a purchase in the currency up to the calibration end
 * @param repeaters          those of them with a repeat purchase day (what Gamma-Gamma was fitted on)
 * @param fittedAt           when it was fitted
 */
public record ClvModel(
        String currency,
        LocalDate calibrationEnd,
        ZoneId zone,
        BgNbd bgNbd,
        double bgNbdLogLikelihood,
        GammaGamma gammaGamma,
        double gammaGammaLogLikelihood,
        int members,
        int repeaters,
        Instant fittedAt) {

    /** Weeks in a year, for the weekly discount rate: 365.25 / 7. */
    public static final double WEEKS_PER_YEAR = 365.25 / 7;

    /**
     * A member's lifetime value over the next {@code horizonWeeks} weeks under this model.
     *
     * <p>The discounted CLV spreads the expected purchases over the horizon week by week and discounts each week's
     * share at the end of that week:
     *
     * <pre>
     * CLV = margin · E[M | x, zbar] · Σ_{k=1..H} (E[Y(k)] − E[Y(k−1)]) / (1 + d)^(k / 52.18)
     * </pre>
     *
     * where E[Y(k)] is the BG/NBD conditional expectation of purchases in the next k weeks ({@link
     * BgNbd#expectedPurchases}), E[M | x, zbar] the Gamma-Gamma conditional expectation of spend per purchase ({@link
     * GammaGamma#expectedSpend}), d the annual discount rate (so (1+d)^(1/52.18) − 1 is the equivalent weekly rate),
     * and 52.18 = 365.25/7 weeks a year. With d = 0 it is margin · E[M] · E[Y(H)].
     *
     * @param summary            the member's purchases up to the as-of day (T measured to that day)
     * @param horizonWeeks       H, ≥ 1
     * @param margin             gross margin applied to revenue, 0–1
     * @param annualDiscountRate d, ≥ 0 (0.1 = 10 % a year)
     * @throws ArithmeticException if the model cannot evaluate this member (see {@link BgNbd#expectedPurchases})
     */
    public MemberClv valueOf(PurchaseSummary summary, int horizonWeeks, double margin, double annualDiscountRate) {
        if (horizonWeeks < 1) {
            throw new IllegalArgumentException("the horizon must be at least one week");
        }
        if (!(annualDiscountRate > -1)) {
            throw new IllegalArgumentException("the discount rate must be above −100 %");
        }
        int x = summary.frequency();
        double tx = summary.recencyWeeks();
        double t = summary.ageWeeks();
        double spend = gammaGamma.expectedSpend(x, summary.meanRepeatSpend());
        double logGrowthPerWeek = Math.log1p(annualDiscountRate) / WEEKS_PER_YEAR;
        double previous = 0;
        double discountedPurchases = 0;
        for (int k = 1; k <= horizonWeeks; k++) {
            double cumulative = bgNbd.expectedPurchases(k, x, tx, t);
            discountedPurchases += (cumulative - previous) * Math.exp(-logGrowthPerWeek * k);
            previous = cumulative;
        }
        return new MemberClv(
                summary,
                horizonWeeks,
                bgNbd.probabilityAlive(x, tx, t),
                previous,
                spend,
                discountedPurchases,
                margin * spend * discountedPurchases);
    }
}
