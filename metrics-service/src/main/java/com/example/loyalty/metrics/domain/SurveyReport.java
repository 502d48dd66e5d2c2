package com.example.loyalty.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A survey's metrics over a range of days: per question overall, and optionally per period and/or per group of a
 * breakdown.
 *
 * @param from      first day counted (null: from the first answer)
 * @param to        last day counted (null: up to the latest answer)
 * @param interval  the period length, or null for no time series
 * @param by        the breakdown, or null for none
 * @param questions the metric of every question over the whole range, in survey order, then the overall CSI
 * @param periods   one entry per period from {@code from} to {@code to} (empty periods included), or null
 * @param groups    one entry per value of {@code by} that has answers in the range, or null
 */
public record SurveyReport(
        UUID surveyId,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        Interval interval,
        Breakdown by,
        List<QuestionMetric> questions,
        List<Period> periods,
        List<Group> groups) {

    /**
     * One period. {@code start} and {@code end} are its first and last day within the range (a week or month cut
     * by {@code from} or {@code to} is shorter).
     */
    public record Period(LocalDate start, LocalDate end, List<QuestionMetric> questions, List<Group> groups) {}

    /** The answers whose breakdown value is {@code value} (a tier code, store id, channel or wave id). */
    public record Group(String value, List<QuestionMetric> questions) {}
}
