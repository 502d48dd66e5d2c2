package com.example.loyalty.metrics.domain.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the BG/NBD and Gamma-Gamma models know of one member, in one currency, up to an end day (the calibration end,
 * or the as-of day of a member's CLV): purchases are counted by calendar day in the behaviour zone, so several
 * purchases on one day are one purchase occasion whose spend is their sum.
 *
 * @param frequency       x: the number of repeat purchase days (distinct days with a purchase, the first one left out)
 * @param recencyWeeks    t_x: weeks from the first to the last purchase day (0 without a repeat purchase)
 * @param ageWeeks        T: weeks from the first purchase day to the end day
 * @param meanRepeatSpend zbar: mean spend of the repeat purchase days in <b>major</b> units of the currency (dollars,
 *                        not cents); the first day's spend is left out, as in Fader &amp; Hardie's CDNOW summary; 0
 *                        without a repeat purchase
 */
public record PurchaseSummary(int frequency, double recencyWeeks, double ageWeeks, double meanRepeatSpend) {

    /** Days in a week: recency and age are whole days divided by this (1997-01-01 to 1997-09-30: 272 / 7). */
    public static final double DAYS_PER_WEEK = 7.0;

    public PurchaseSummary {
        if (frequency < 0
                || !(recencyWeeks >= 0)
                || !(ageWeeks >= recencyWeeks)
                || !(meanRepeatSpend >= 0)
                || Double.isInfinite(ageWeeks)
                || Double.isInfinite(meanRepeatSpend)) {
            throw new IllegalArgumentException("not a purchase summary: x=" + frequency + ", t_x=" + recencyWeeks
                    + ", T=" + ageWeeks + ", zbar=" + meanRepeatSpend);
        }
        if (frequency == 0 && (recencyWeeks != 0 || meanRepeatSpend != 0)) {
            throw new IllegalArgumentException("without a repeat purchase t_x and zbar are 0");
        }
    }

    /**
     * The summary of a member from their purchase days: the one computation behind both the SQL summary of the
     * service and the in-memory {@link PurchaseDays}.
     *
     * @param firstDay         the first purchase day (in the behaviour zone)
     * @param lastDay          the last purchase day up to {@code end}
     * @param repeatDays       distinct purchase days after the first one
     * @param repeatSpendMinor total spend of those days in minor units (cents)
     * @param end              the last day counted (included): T is the number of days from the first purchase day
     *                         to it, divided by 7
     * @param fractionDigits   minor units per major unit as a power of ten ({@link java.util.Currency}): 2 for USD, 0
     *                         for JPY
     */
    public static PurchaseSummary fromDays(
            LocalDate firstDay,
            LocalDate lastDay,
            int repeatDays,
            long repeatSpendMinor,
            LocalDate end,
            int fractionDigits) {
        if (lastDay.isBefore(firstDay) || end.isBefore(lastDay)) {
            throw new IllegalArgumentException(
                    "purchase days out of order: first " + firstDay + ", last " + lastDay + ", end " + end);
        }
        if (fractionDigits < 0) {
            throw new IllegalArgumentException("a currency without minor units cannot be summarised");
        }
        double recency = ChronoUnit.DAYS.between(firstDay, lastDay) / DAYS_PER_WEEK;
        double age = ChronoUnit.DAYS.between(firstDay, end) / DAYS_PER_WEEK;
        double zbar = repeatDays == 0 ? 0 : repeatSpendMinor / Math.pow(10, fractionDigits) / repeatDays;
        return new PurchaseSummary(repeatDays, repeatDays == 0 ? 0 : recency, age, zbar);
    }

    /** Whether the member bought again after the first purchase day (the Gamma-Gamma model fits only these). */
    public boolean isRepeater() {
        return frequency > 0;
    }
}
