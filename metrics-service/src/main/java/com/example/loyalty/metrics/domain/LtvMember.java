package com.example.loyalty.metrics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One member's simple lifetime value in one currency as of a date, with its inputs. Amounts in minor units,
 * unrounded.
 *
 * @param zone              the zone whose calendar days purchases fall on
 * @param firstPurchaseDay  day of the member's first purchase in the currency (behaviour zone)
 * @param lastPurchaseDay   day of the latest purchase up to the as-of date
 * @param purchases         purchases up to the as-of date
 * @param revenue           their sum
 * @param tenureDays        days from the first purchase day to the as-of date, both included
 * @param averageOrderValue revenue ÷ purchases
 * @param purchasesPerYear  purchases × 365 ÷ max(tenure days, 30)
 * @param annualRevenue     revenue × 365 ÷ max(tenure days, 30)
 * @param values            the value of each form
 */
public record LtvMember(
        UUID memberId,
        Currency currency,
        ZoneId zone,
        LocalDate asOf,
        LocalDate firstPurchaseDay,
        LocalDate lastPurchaseDay,
        long purchases,
        BigDecimal revenue,
        long tenureDays,
        BigDecimal averageOrderValue,
        BigDecimal purchasesPerYear,
        BigDecimal annualRevenue,
        LtvParameters parameters,
        Map<LtvForm, BigDecimal> values) {

    /** Computes the forms from the member's purchases up to {@code asOf}; {@code purchases} must be positive. */
    public static LtvMember of(
            UUID memberId,
            Currency currency,
            ZoneId zone,
            LocalDate asOf,
            LocalDate firstPurchaseDay,
            LocalDate lastPurchaseDay,
            long purchases,
            BigDecimal revenue,
            LtvParameters parameters) {
        if (purchases <= 0) {
            throw new IllegalArgumentException("a member's lifetime value needs at least one purchase");
        }
        long tenure = LtvMath.tenureDays(firstPurchaseDay, asOf);
        BigDecimal aov = LtvMath.divide(revenue, BigDecimal.valueOf(purchases));
        BigDecimal perYear = LtvMath.perYear(BigDecimal.valueOf(purchases), tenure);
        BigDecimal annual = LtvMath.perYear(revenue, tenure);
        Map<LtvForm, BigDecimal> values = new EnumMap<>(LtvForm.class);
        // the forms of LtvMath with the factors multiplied out and one division last (exact rounding):
        // AOV × m × PPY × Y − cost = revenue × 365 / days × m × Y − cost; AOV × n = revenue
        BigDecimal annualForm = LtvMath.annualRevenueForm(revenue, tenure, parameters);
        values.put(LtvForm.ORDER_FREQUENCY, annualForm.subtract(parameters.costPerMember()));
        values.put(LtvForm.ANNUAL_REVENUE, annualForm);
        values.put(LtvForm.HISTORICAL, revenue);
        return new LtvMember(
                memberId,
                currency,
                zone,
                asOf,
                firstPurchaseDay,
                lastPurchaseDay,
                purchases,
                revenue,
                tenure,
                aov,
                perYear,
                annual,
                parameters,
                Map.copyOf(values));
    }
}
