package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.clv.MemberClv;
import com.example.loyalty.metrics.domain.clv.PurchaseSummary;
import com.example.loyalty.metrics.service.ClvService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A member's probabilistic lifetime value under the currency's model; money in major units "
                + "of the currency, rounded half up to its minor units")
public record MemberClvResponse(
        @Schema(description = "The member") UUID memberId,

        @Schema(description = "ISO 4217 currency", examples = "USD")
        String currency,

        @Schema(description = "Purchases up to this day are counted and T is measured to it")
        LocalDate asOf,

        @Schema(description = "Horizon of the expectation and of the CLV, weeks", examples = "52")
        int horizonWeeks,

        @Schema(description = "x: repeat purchase days up to asOf", examples = "2")
        int frequency,

        @Schema(description = "t_x: weeks from the first to the last purchase day", examples = "30.43")
        double recencyWeeks,

        @Schema(description = "T: weeks from the first purchase day to asOf", examples = "38.86")
        double ageWeeks,

        @Schema(description = "zbar: mean spend of the repeat purchase days (0 without any)", examples = "22.35")
        BigDecimal meanRepeatSpend,

        @Schema(description = "P(alive | x, t_x, T) under BG/NBD", examples = "0.7266")
        double probabilityAlive,

        @Schema(description = "E[Y(horizon) | x, t_x, T]: expected purchase occasions in the horizon (BG/NBD)")
        double expectedPurchases,

        @Schema(description = "E[M | x, zbar]: expected spend per purchase occasion (Gamma-Gamma)")
        BigDecimal expectedAverageSpend,

        @Schema(
                description = "Discounted CLV over the horizon: margin × expectedAverageSpend × Σ_k (E[Y(k)] − "
                        + "E[Y(k−1)]) / (1 + annualDiscountRate)^(k/52.18), k = 1..horizonWeeks (each week's "
                        + "expected purchases discounted at its end)")
        BigDecimal clv,

        @Schema(description = "Gross margin applied (metrics.behaviour.ltv.margin)", examples = "1.0")
        double margin,

        @Schema(
                description = "Annual discount rate applied (metrics.behaviour.ltv.annual-discount-rate)",
                examples = "0.1")
        double annualDiscountRate,

        @Schema(description = "Calibration end of the model used")
        LocalDate modelCalibrationEnd,

        @Schema(description = "When the model used was fitted")
        Instant modelFittedAt) {

    static MemberClvResponse from(ClvService.MemberValue v) {
        int digits = Currency.getInstance(v.currency()).getDefaultFractionDigits();
        MemberClv c = v.clv();
        PurchaseSummary s = c.summary();
        return new MemberClvResponse(
                v.memberId(),
                v.currency(),
                v.asOf(),
                c.horizonWeeks(),
                s.frequency(),
                s.recencyWeeks(),
                s.ageWeeks(),
                money(s.meanRepeatSpend(), digits),
                c.probabilityAlive(),
                c.expectedPurchases(),
                money(c.expectedAverageSpend(), digits),
                money(c.discountedValue(), digits),
                v.margin(),
                v.annualDiscountRate(),
                v.model().calibrationEnd(),
                v.model().fittedAt());
    }

    private static BigDecimal money(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }
}
