package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.LtvForm;
import com.example.loyalty.metrics.domain.LtvMath;
import com.example.loyalty.metrics.domain.LtvParameters;
import com.example.loyalty.metrics.domain.LtvReport;
import com.example.loyalty.metrics.domain.LtvTotals;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "Simple lifetime value per cohort (members by the month of their first purchase in the "
                + "currency). Amounts are in the currency's major units, rounded half up to its minor unit (JPY: "
                + "whole yen, USD: cents)")
public record LtvCohortsResponse(
        @Schema(description = "ISO 4217 currency of every amount", examples = "JPY")
        String currency,

        @Schema(description = "The zone whose calendar days purchases fall on", examples = "Asia/Tokyo")
        String zone,

        @Schema(description = "Last day whose purchases count; tenures end on it")
        LocalDate asOf,

        @Schema(
                description = "The form of averageLtv and totalLtv",
                enumeration = {"order-frequency", "annual-revenue", "historical"})
        String form,

        @Schema(description = "The assumptions used") LtvParametersResponse parameters,

        @Schema(description = "One entry per month with at least one member, ascending")
        List<CohortResponse> cohorts,

        @Schema(description = "Every member of every cohort")
        CohortResponse all) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The members of a cohort and their lifetime value")
    public record CohortResponse(
            @Schema(
                    description = "Month of the members' first purchase in the currency (absent for 'all')",
                    examples = "2026-01")
            String cohort,

            @Schema(description = "Members of the cohort") long members,

            @Schema(description = "Their purchases up to asOf")
            long purchases,

            @Schema(description = "Sum of those purchases") BigDecimal revenue,

            @Schema(description = "revenue ÷ purchases") BigDecimal averageOrderValue,

            @Schema(description = "Mean of the members' purchases per year, two decimals")
            BigDecimal averagePurchasesPerYear,

            @Schema(description = "Mean of the members' annual revenue")
            BigDecimal averageAnnualRevenue,

            @Schema(description = "Mean lifetime value per member of the chosen form")
            BigDecimal averageLtv,

            @Schema(description = "Sum of the members' lifetime values of the chosen form")
            BigDecimal totalLtv,

            @Schema(description = "Every form") LtvFormsResponse ltv) {}

    @Schema(description = "Mean per member and sum of each form")
    public record LtvFormsResponse(
            @Schema(
                    description = "Average order value × margin × purchases per year × retention years − "
                            + "acquisition cost − retention cost per year × retention years")
            FormResponse orderFrequency,

            @Schema(description = "Annual revenue × margin × retention years")
            FormResponse annualRevenue,

            @Schema(description = "Average order value × number of purchases (revenue so far)")
            FormResponse historical) {}

    @Schema(description = "One form over the members of a group")
    public record FormResponse(
            @Schema(description = "Mean per member") BigDecimal average,
            @Schema(description = "Sum over the members") BigDecimal total) {}

    static LtvCohortsResponse from(LtvReport r) {
        Currency c = r.currency();
        LtvParameters p = r.parameters();
        return new LtvCohortsResponse(
                c.getCurrencyCode(),
                r.zone().getId(),
                r.asOf(),
                r.form().wireName(),
                LtvParametersResponse.from(p, c),
                r.cohorts().stream()
                        .map(k -> cohort(k.month().toString(), k.totals(), r.form(), p, c))
                        .toList(),
                cohort(null, r.all(), r.form(), p, c));
    }

    private static CohortResponse cohort(String name, LtvTotals t, LtvForm form, LtvParameters p, Currency c) {
        return new CohortResponse(
                name,
                t.members(),
                t.purchases(),
                LtvMath.toMajor(t.revenue(), c),
                money(t.averageOrderValue(), c),
                t.averagePurchasesPerYear() == null ? null : LtvMath.rate(t.averagePurchasesPerYear()),
                money(t.averageAnnualRevenue(), c),
                money(t.average(form, p), c),
                LtvMath.toMajor(t.total(form, p), c),
                new LtvFormsResponse(
                        form(t, LtvForm.ORDER_FREQUENCY, p, c),
                        form(t, LtvForm.ANNUAL_REVENUE, p, c),
                        form(t, LtvForm.HISTORICAL, p, c)));
    }

    private static FormResponse form(LtvTotals t, LtvForm form, LtvParameters p, Currency c) {
        return new FormResponse(money(t.average(form, p), c), LtvMath.toMajor(t.total(form, p), c));
    }

    private static BigDecimal money(BigDecimal minor, Currency c) {
        return minor == null ? null : LtvMath.toMajor(minor, c);
    }
}
