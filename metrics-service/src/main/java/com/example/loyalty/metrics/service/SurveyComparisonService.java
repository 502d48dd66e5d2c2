package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.AnswerCounts;
import com.example.loyalty.metrics.domain.Breakdown;
import com.example.loyalty.metrics.domain.Comparison;
import com.example.loyalty.metrics.domain.ComparisonMath;
import com.example.loyalty.metrics.domain.ComparisonSelector;
import com.example.loyalty.metrics.domain.QuestionComparison;
import com.example.loyalty.metrics.domain.QuestionMetric;
import com.example.loyalty.metrics.domain.SurveyReport;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Significance of change: a survey's metrics on two sides (two waves, two periods, two tiers, stores or channels)
 * and, per question, the difference b − a with its margin of error and two-sided p-value ({@link ComparisonMath}).
 * Each side is a report of {@link SurveyMetricsService} (the same aggregates and formulas as the metric endpoint),
 * narrowed to the side's period and breakdown value.
 */
@ApplicationScoped
@Startup
public class SurveyComparisonService {

    private final SurveyMetricsService metrics;
    private final double defaultAlpha;

    public SurveyComparisonService(SurveyMetricsService metrics, MetricsConfig config) {
        this.metrics = metrics;
        this.defaultAlpha = config.surveys().significanceLevel();
        if (!ComparisonMath.validAlpha(defaultAlpha)) {
            throw new IllegalStateException("metrics.surveys.significance-level must be > 0 and ≤ "
                    + ComparisonMath.MAX_ALPHA + ", is " + defaultAlpha);
        }
    }

    /**
     * Compares side {@code b} with side {@code a}.
     *
     * @param questionId the one question to compare, or null for every question with a score
     * @param alpha      the significance level, or null for the configured one
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 if the sides may share answers, alpha is out of range,
     *                                                     the wave is not one of the survey's or the question is
     *                                                     unknown or has no score; 404 if no response to the survey
     *                                                     has been counted; 422 if a side has no answer to compare
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Comparison compare(
            UUID surveyId, ComparisonSelector a, ComparisonSelector b, String questionId, Double alpha) {
        double level = alpha == null ? defaultAlpha : alpha;
        if (!ComparisonMath.validAlpha(level)) {
            throw Problems.badRequest(
                    "invalid-alpha", "Bad request", "alpha must be > 0 and ≤ " + ComparisonMath.MAX_ALPHA);
        }
        try {
            ComparisonSelector.requireDisjoint(a, b);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("invalid-selector", "Bad request", e.getMessage());
        }
        SurveyReport reportA = report(surveyId, a);
        SurveyReport reportB = report(surveyId, b);

        List<QuestionMetric> compared = compared(surveyId, reportA.questions(), questionId);
        Map<String, QuestionMetric> sideA = side(surveyId, "a", a, reportA, compared, questionId);
        Map<String, QuestionMetric> sideB = side(surveyId, "b", b, reportB, compared, questionId);

        List<QuestionComparison> questions = new ArrayList<>(compared.size());
        for (QuestionMetric q : compared) {
            questions.add(QuestionComparison.of(metricOf(sideA, q), metricOf(sideB, q), level));
        }
        return new Comparison(
                surveyId, reportA.zone(), a, b, level, ComparisonMath.criticalZ(level), List.copyOf(questions));
    }

    /** The survey's report over the side's days, broken down by the side's dimension (404 for an unknown survey). */
    private SurveyReport report(UUID surveyId, ComparisonSelector side) {
        return metrics.report(surveyId, new SurveyMetricsService.Query(side.from(), side.to(), null, side.by()));
    }

    /** The questions to compare: the one asked for, or every question with a score, in survey order. */
    private static List<QuestionMetric> compared(UUID surveyId, List<QuestionMetric> all, String questionId) {
        if (questionId != null) {
            QuestionMetric q = all.stream()
                    .filter(m -> m.questionId().equals(questionId))
                    .findFirst()
                    .orElseThrow(() -> Problems.badRequest(
                            "unknown-question",
                            "Bad request",
                            "survey " + surveyId + " has no question " + questionId + " (its questions: "
                                    + all.stream()
                                            .map(QuestionMetric::questionId)
                                            .collect(Collectors.joining(", "))
                                    + ")"));
            if (QuestionComparison.Form.of(q.type()) == null) {
                throw Problems.badRequest(
                        "not-comparable",
                        "Bad request",
                        "question " + questionId + " is a " + q.type() + " question: it has no score to compare");
            }
            return List.of(q);
        }
        List<QuestionMetric> scored = all.stream()
                .filter(m -> QuestionComparison.Form.of(m.type()) != null)
                .toList();
        if (scored.isEmpty()) {
            throw Problems.unprocessable(
                    "not-comparable",
                    "Unprocessable request",
                    "survey " + surveyId + " has no question with a score (only text and choice questions)");
        }
        return scored;
    }

    /**
     * The metrics of one side, by question. A side that has no answer to any compared question is refused: 400 when
     * it names a wave the survey never had an answer in (a wrong wave id), otherwise 422.
     */
    private Map<String, QuestionMetric> side(
            UUID surveyId,
            String name,
            ComparisonSelector selector,
            SurveyReport report,
            List<QuestionMetric> compared,
            String questionId) {
        List<QuestionMetric> metricsOfSide = metricsOf(report, selector);
        Map<String, QuestionMetric> byKey = new LinkedHashMap<>();
        if (metricsOfSide != null) {
            metricsOfSide.forEach(m -> byKey.put(key(m), m));
        }
        boolean answered = compared.stream().anyMatch(q -> {
            QuestionMetric m = byKey.get(key(q));
            return m != null && m.n() > 0;
        });
        if (answered) {
            return byKey;
        }
        if (selector.by() == Breakdown.WAVE && !waveKnown(surveyId, selector, metricsOfSide != null)) {
            throw Problems.badRequest(
                    "unknown-wave",
                    "Bad request",
                    "no answer to survey " + surveyId + " has been counted in wave " + selector.value() + " (side "
                            + name + ")");
        }
        throw Problems.unprocessable(
                "empty-side",
                "Unprocessable request",
                "side " + name + " (" + selector.canonical() + ") has no answers"
                        + (questionId == null ? " to any question with a score" : " to question " + questionId)
                        + ": there is nothing to compare");
    }

    /** The side's metrics: the whole report, or the group of its breakdown value (null when that has no answers). */
    private static List<QuestionMetric> metricsOf(SurveyReport report, ComparisonSelector selector) {
        if (selector.by() == null) {
            return report.questions();
        }
        return report.groups().stream()
                .filter(g -> g.value().equals(selector.value()))
                .findFirst()
                .map(SurveyReport.Group::questions)
                .orElse(null);
    }

    /** Whether any answer of the survey has ever been counted in the selector's wave. */
    private boolean waveKnown(UUID surveyId, ComparisonSelector selector, boolean answeredInRange) {
        if (answeredInRange) {
            return true;
        }
        if (!selector.hasPeriod()) {
            return false;
        }
        return metricsOf(
                        report(surveyId, new ComparisonSelector(Breakdown.WAVE, selector.value(), null, null)),
                        selector)
                != null;
    }

    /**
     * The side's metric of question {@code q}; n = 0 if the side's report does not list it (a question first
     * counted between the reads of the two sides).
     */
    private static QuestionMetric metricOf(Map<String, QuestionMetric> side, QuestionMetric q) {
        QuestionMetric m = side.get(key(q));
        return m != null
                ? m
                : QuestionMetric.of(
                        q.questionId(), q.type(), q.dimension(), q.overall(), new AnswerCounts(), q.minimumSample());
    }

    /** Questions are told apart by id (the overall CSI entry has its own id). */
    private static String key(QuestionMetric m) {
        return m.questionId();
    }
}
