package com.example.loyalty.metrics.domain;

import java.math.BigDecimal;

/**
 * The assumptions of a lifetime-value computation.
 *
 * @param margin               gross margin, 0–1, applied to revenue
 * @param retentionYears       years a member is expected to stay, more than 0
 * @param acquisitionCost      cost to acquire a member, in minor units of the currency
 * @param retentionCostPerYear cost to retain a member for a year, in minor units of the currency
 */
public record LtvParameters(
        BigDecimal margin, BigDecimal retentionYears, BigDecimal acquisitionCost, BigDecimal retentionCostPerYear) {

    public LtvParameters {
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("margin must be from 0 to 1, was " + margin);
        }
        if (retentionYears.signum() <= 0) {
            throw new IllegalArgumentException("retention years must be more than 0, was " + retentionYears);
        }
        if (acquisitionCost.signum() < 0 || retentionCostPerYear.signum() < 0) {
            throw new IllegalArgumentException("costs must not be negative");
        }
    }

    /** What form 1 subtracts per member: acquisition cost + retention cost per year × retention years (minor units). */
    public BigDecimal costPerMember() {
        return acquisitionCost.add(retentionCostPerYear.multiply(retentionYears));
    }
}
