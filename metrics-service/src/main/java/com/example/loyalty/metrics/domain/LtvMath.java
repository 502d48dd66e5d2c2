package com.example.loyalty.metrics.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * The formulas of simple lifetime value, and money in minor and major units. Amounts are {@link BigDecimal}s in minor
 * units of the currency (what {@code member_purchase.amount} holds); divisions keep 34 significant digits
 * ({@link MathContext#DECIMAL128}) and amounts are rounded only when reported, half up to the currency's minor unit.
 *
 * <p>A member's rates are measured over their <em>tenure</em>: the calendar days from the day of their first purchase
 * to the as-of date, both included. Rates are annualised over at least {@link #MINIMUM_TENURE_DAYS} days, so a member
 * seen for one day is not extrapolated × 365:
 *
 * <ul>
 *   <li>purchases per year = purchases × 365 / max(tenure days, 30);
 *   <li>annual revenue = revenue × 365 / max(tenure days, 30).
 * </ul>
 *
 * Both measured from the member's own history, average order value × purchases per year = annual revenue: form 1
 * then equals form 2 minus the costs.
 */
public final class LtvMath {

    /** Days in a year when annualising. */
    public static final int DAYS_PER_YEAR = 365;
    /** Shortest tenure rates are annualised over. */
    public static final int MINIMUM_TENURE_DAYS = 30;

    static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal YEAR = BigDecimal.valueOf(DAYS_PER_YEAR);

    private LtvMath() {}

    /** Form 1: average order value × margin × purchases per year × retention years − acquisition and retention cost. */
    public static BigDecimal orderFrequency(
            BigDecimal averageOrderValue, BigDecimal purchasesPerYear, LtvParameters p) {
        return averageOrderValue
                .multiply(p.margin())
                .multiply(purchasesPerYear)
                .multiply(p.retentionYears())
                .subtract(p.costPerMember());
    }

    /** Form 2: annual revenue × margin × retention years. */
    public static BigDecimal annualRevenue(BigDecimal annualRevenue, LtvParameters p) {
        return annualRevenue.multiply(p.margin()).multiply(p.retentionYears());
    }

    /** Form 3: average order value × number of purchases. */
    public static BigDecimal historical(BigDecimal averageOrderValue, long purchases) {
        return averageOrderValue.multiply(BigDecimal.valueOf(purchases));
    }

    /**
     * Form 2 of a member (or of members sharing a tenure) from their revenue: revenue × 365 ÷ max(tenure, 30) × margin
     * × retention years, multiplied out before the one division, so that the result is rounded correctly to the minor
     * unit when reported (an amount at exactly half a minor unit is not turned into 0.4999…). Form 1 of the member is
     * this minus {@link LtvParameters#costPerMember()}, as average order value × purchases per year = annual revenue.
     */
    public static BigDecimal annualRevenueForm(BigDecimal revenue, long tenureDays, LtvParameters p) {
        return perYear(revenue.multiply(p.margin()).multiply(p.retentionYears()), tenureDays);
    }

    /** Days from the first purchase day to the as-of date, both included (1 when the first purchase is that day). */
    public static long tenureDays(LocalDate firstPurchaseDay, LocalDate asOf) {
        return ChronoUnit.DAYS.between(firstPurchaseDay, asOf) + 1;
    }

    /** {@code amount} per year over {@code tenureDays} (at least {@link #MINIMUM_TENURE_DAYS}). */
    public static BigDecimal perYear(BigDecimal amount, long tenureDays) {
        long days = Math.max(tenureDays, MINIMUM_TENURE_DAYS);
        return amount.multiply(YEAR).divide(BigDecimal.valueOf(days), MC);
    }

    /** {@code a / b} with 34 significant digits; {@code b} must not be zero. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    /** The currency's digits after the decimal point (JPY 0, USD 2); 0 for those without a minor unit. */
    public static int fractionDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** {@code minor} units as an amount of the currency, rounded half up to its minor unit (10050 USD → 100.50). */
    public static BigDecimal toMajor(BigDecimal minor, Currency currency) {
        int digits = fractionDigits(currency);
        return minor.movePointLeft(digits).setScale(digits, RoundingMode.HALF_UP);
    }

    /**
     * An amount of the currency in minor units (100.5 USD → 10050).
     *
     * @throws ArithmeticException if it has more decimals than the currency's minor unit
     */
    public static BigDecimal toMinor(BigDecimal major, Currency currency) {
        BigDecimal minor = major.movePointRight(fractionDigits(currency));
        return minor.setScale(0, RoundingMode.UNNECESSARY);
    }

    /** Rounds a rate (purchases per year) to two decimals, half up. */
    public static BigDecimal rate(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
