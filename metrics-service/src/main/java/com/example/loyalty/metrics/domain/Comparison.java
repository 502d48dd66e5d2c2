package com.example.loyalty.metrics.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A survey's metrics on two sides (waves, periods, tiers, stores or channels) and the significance of each change.
 *
 * @param zone      the zone whose calendar days the periods are in
 * @param alpha     the significance level of the tests
 * @param criticalZ z₁₋α/₂, the multiplier of the difference's margin of error
 * @param questions one entry per question with a score, in survey order (or the one question asked for)
 */
public record Comparison(
        UUID surveyId,
        ZoneId zone,
        ComparisonSelector a,
        ComparisonSelector b,
        double alpha,
        double criticalZ,
        List<QuestionComparison> questions) {}
