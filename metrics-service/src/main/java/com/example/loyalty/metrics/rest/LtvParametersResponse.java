package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.LtvMath;
import com.example.loyalty.metrics.domain.LtvParameters;
import java.math.BigDecimal;
import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The assumptions a lifetime value was computed with (request overrides, else configuration)")
public record LtvParametersResponse(
        @Schema(description = "Gross margin applied to revenue, 0–1", examples = "0.3")
        BigDecimal margin,

        @Schema(description = "Years a member is expected to stay", examples = "3")
        BigDecimal retentionYears,

        @Schema(description = "Cost to acquire a member, in the currency (major units)", examples = "5000")
        BigDecimal acquisitionCost,

        @Schema(description = "Cost to retain a member for a year, in the currency (major units)", examples = "1000")
        BigDecimal retentionCostPerYear,

        @Schema(
                description = "Shortest tenure purchases per year and annual revenue are annualised over, in days",
                examples = "30")
        int minimumTenureDays,

        @Schema(description = "Days per year when annualising", examples = "365")
        int daysPerYear) {

    static LtvParametersResponse from(LtvParameters p, Currency currency) {
        return new LtvParametersResponse(
                plain(p.margin()),
                plain(p.retentionYears()),
                LtvMath.toMajor(p.acquisitionCost(), currency),
                LtvMath.toMajor(p.retentionCostPerYear(), currency),
                LtvMath.MINIMUM_TENURE_DAYS,
                LtvMath.DAYS_PER_YEAR);
    }

    /** Without trailing zeros, never in exponent notation (1.0 → 1, 0.30 → 0.3). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
