package com.example.loyalty.metrics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * Lifetime value per cohort (members by the month of their first purchase in the currency) as of a date.
 *
 * @param form    the form the caller chose for the headline average and total
 * @param cohorts one per month with at least one member, ascending
 * @param all     every member of the report
 */
public record LtvReport(
        Currency currency,
        ZoneId zone,
        LocalDate asOf,
        LtvForm form,
        LtvParameters parameters,
        List<Cohort> cohorts,
        LtvTotals all) {

    public record Cohort(YearMonth month, LtvTotals totals) {}
}
