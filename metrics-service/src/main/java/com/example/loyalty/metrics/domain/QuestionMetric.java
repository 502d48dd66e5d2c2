package com.example.loyalty.metrics.domain;

import com.example.loyalty.events.QuestionType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric of one question over some cells (product.md, Metrics), computed from {@link AnswerCounts}. Fields
 * that do not apply to the type are null. {@code score} is the type's headline number: the net score for NPS,
 * CONTINUED_USE, NRS and CES_BINARY, the mean for CSI and CES, the share of 1s in percent for DWB, null for TEXT
 * and CHOICE and whenever n = 0. {@code variance} is the sampling variance of the score (in its unit squared, from
 * {@link SurveyStatistics}); the margin of error is 1.96·√variance, and comparisons of two scores start from it.
 */
public record QuestionMetric(
        String questionId,
        QuestionType type,
        String dimension,
        boolean overall,
        long n,
        Double score,
        Double marginOfError,
        Double low,
        Double high,
        boolean reliable,
        int minimumSample,
        Long promoters,
        Long passives,
        Long detractors,
        Double promotersPercent,
        Double passivesPercent,
        Double detractorsPercent,
        Long repeaters,
        Long neutrals,
        Long atRisk,
        Double repeatersPercent,
        Double neutralsPercent,
        Double atRiskPercent,
        Long effort,
        Long noEffort,
        Double effortPercent,
        Double noEffortPercent,
        Long topBox,
        Double standardDeviation,
        Map<Integer, Long> distribution,
        Map<String, Long> choices,
        Double variance) {

    /** Question id of the overall CSI entry (the pooled mean of every CSI answer of the survey). */
    public static final String CSI_OVERALL_ID = "CSI_OVERALL";

    /**
     * The metric of question {@code questionId} of {@code type} from {@code c}.
     *
     * @param minimumSample the n from which the metric is flagged reliable
     */
    public static QuestionMetric of(
            String questionId,
            QuestionType type,
            String dimension,
            boolean overall,
            AnswerCounts c,
            int minimumSample) {
        Builder b = new Builder(questionId, type, dimension, overall, c.n(), minimumSample);
        long n = c.n();
        switch (type) {
            case NPS, CONTINUED_USE -> {
                long pro = c.scores(QuestionType.PROMOTER_MIN, 10);
                long pas = c.scores(QuestionType.DETRACTOR_MAX + 1, QuestionType.PROMOTER_MIN - 1);
                long det = c.scores(0, QuestionType.DETRACTOR_MAX);
                b.promoters = pro;
                b.passives = pas;
                b.detractors = det;
                b.promotersPercent = SurveyStatistics.percent(pro, n);
                b.passivesPercent = SurveyStatistics.percent(pas, n);
                b.detractorsPercent = SurveyStatistics.percent(det, n);
                b.net(pro, det, n);
                b.distribution = distribution(c, type);
            }
            case NRS -> {
                long rep = c.score(QuestionType.REPEATER);
                long neu = c.scores(QuestionType.AT_RISK_MAX + 1, QuestionType.REPEATER - 1);
                long risk = c.scores(1, QuestionType.AT_RISK_MAX);
                b.repeaters = rep;
                b.neutrals = neu;
                b.atRisk = risk;
                b.repeatersPercent = SurveyStatistics.percent(rep, n);
                b.neutralsPercent = SurveyStatistics.percent(neu, n);
                b.atRiskPercent = SurveyStatistics.percent(risk, n);
                b.net(rep, risk, n);
                b.distribution = distribution(c, type);
            }
            case CSI, CES -> {
                b.score = SurveyStatistics.mean(c.total(), n);
                b.variance(SurveyStatistics.meanVariance(n, c.total(), c.totalSquares()));
                b.standardDeviation = SurveyStatistics.standardDeviation(n, c.total(), c.totalSquares());
                b.interval(type.min(), type.max());
                if (type == QuestionType.CES) {
                    b.distribution = distribution(c, type);
                }
            }
            case CES_BINARY -> {
                b.effort = c.yes();
                b.noEffort = c.no();
                b.effortPercent = SurveyStatistics.percent(c.yes(), n);
                b.noEffortPercent = SurveyStatistics.percent(c.no(), n);
                b.net(c.no(), c.yes(), n);
            }
            case DWB -> {
                long top = c.score(QuestionType.DWB_TOP_BOX);
                b.topBox = top;
                b.score = SurveyStatistics.percent(top, n);
                b.variance(SurveyStatistics.shareVariance(top, n));
                b.interval(0, 100);
                b.distribution = distribution(c, type);
            }
            case CHOICE -> b.choices = new LinkedHashMap<>(c.choices());
            case TEXT -> {
                // n only
            }
        }
        return b.build();
    }

    private static Map<Integer, Long> distribution(AnswerCounts c, QuestionType type) {
        Map<Integer, Long> d = new LinkedHashMap<>();
        for (int s = type.min(); s <= type.max(); s++) {
            d.put(s, c.score(s));
        }
        return d;
    }

    private static final class Builder {
        final String questionId;
        final QuestionType type;
        final String dimension;
        final boolean overall;
        final long n;
        final int minimumSample;
        Double score;
        Double marginOfError;
        Double variance;
        Double low;
        Double high;
        Long promoters;
        Long passives;
        Long detractors;
        Double promotersPercent;
        Double passivesPercent;
        Double detractorsPercent;
        Long repeaters;
        Long neutrals;
        Long atRisk;
        Double repeatersPercent;
        Double neutralsPercent;
        Double atRiskPercent;
        Long effort;
        Long noEffort;
        Double effortPercent;
        Double noEffortPercent;
        Long topBox;
        Double standardDeviation;
        Map<Integer, Long> distribution;
        Map<String, Long> choices;

        Builder(String questionId, QuestionType type, String dimension, boolean overall, long n, int minimumSample) {
            this.questionId = questionId;
            this.type = type;
            this.dimension = dimension;
            this.overall = overall;
            this.n = n;
            this.minimumSample = minimumSample;
        }

        void net(long positive, long negative, long n) {
            score = SurveyStatistics.netScore(positive, negative, n);
            variance(SurveyStatistics.netVariance(positive, negative, n));
            interval(-100, 100);
        }

        /** The score's sampling variance, and from it the margin of error. */
        void variance(Double v) {
            variance = v;
            marginOfError = SurveyStatistics.marginOfError(v);
        }

        /** score ± margin of error, kept within the scale. */
        void interval(double min, double max) {
            if (score != null && marginOfError != null) {
                low = Math.max(min, score - marginOfError);
                high = Math.min(max, score + marginOfError);
            }
        }

        QuestionMetric build() {
            return new QuestionMetric(
                    questionId,
                    type,
                    dimension,
                    overall,
                    n,
                    score,
                    marginOfError,
                    low,
                    high,
                    SurveyStatistics.reliable(n, minimumSample),
                    minimumSample,
                    promoters,
                    passives,
                    detractors,
                    promotersPercent,
                    passivesPercent,
                    detractorsPercent,
                    repeaters,
                    neutrals,
                    atRisk,
                    repeatersPercent,
                    neutralsPercent,
                    atRiskPercent,
                    effort,
                    noEffort,
                    effortPercent,
                    noEffortPercent,
                    topBox,
                    standardDeviation,
                    distribution,
                    choices,
                    variance);
        }
    }
}
