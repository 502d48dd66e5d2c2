package com.example.loyalty.metrics.domain.clv;

/**
 * A member's probabilistic lifetime value under a {@link ClvModel}; money in major units of the model's currency.
 *
 * @param summary                       what the model saw of the member (x, t_x, T to the as-of day, zbar)
 * @param horizonWeeks                  the horizon H
 * @param probabilityAlive              P(alive | x, t_x, T)
 * @param expectedPurchases             E[Y(H) | x, t_x, T]: expected purchase occasions in the next H weeks
 * @param expectedAverageSpend          E[M | x, zbar]: expected spend per purchase occasion
 * @param discountedExpectedPurchases   the expected purchases with each week's share discounted
 * @param discountedValue               margin · expectedAverageSpend · discountedExpectedPurchases
 */
public record MemberClv(
        PurchaseSummary summary,
        int horizonWeeks,
        double probabilityAlive,
        double expectedPurchases,
        double expectedAverageSpend,
        double discountedExpectedPurchases,
        double discountedValue) {}
