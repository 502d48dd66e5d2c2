package com.example.loyalty.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * Churn per period over a range of days (see {@link ChurnPeriods} for the definitions).
 *
 * @param inactivityDays the inactivity window W in days
 * @param periods        one per period from {@code from} to {@code to}, in order
 */
public record ChurnReport(
        Currency currency,
        ZoneId zone,
        ChurnInterval interval,
        LocalDate from,
        LocalDate to,
        int inactivityDays,
        List<ChurnPeriods.Period> periods) {}
