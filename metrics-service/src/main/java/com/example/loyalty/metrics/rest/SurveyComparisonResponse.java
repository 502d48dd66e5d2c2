package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.Comparison;
import com.example.loyalty.metrics.domain.ComparisonMath;
import com.example.loyalty.metrics.domain.ComparisonSelector;
import com.example.loyalty.metrics.domain.QuestionComparison;
import com.example.loyalty.metrics.domain.QuestionMetric;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "A survey's metrics on two sides and, per question, the change b − a with its margin of error, "
                + "two-sided p-value and significance")
public record SurveyComparisonResponse(
        @Schema(description = "The survey") UUID surveyId,

        @Schema(description = "The zone whose calendar days periods are counted in", examples = "Asia/Tokyo")
        String zone,

        @Schema(description = "Side a, the reference") SideResponse a,

        @Schema(description = "Side b, compared with a") SideResponse b,

        @Schema(description = "Significance level α: significant when p < α", examples = "0.05")
        double alpha,

        @Schema(description = "Confidence level of the difference's margin of error: 1 − α", examples = "0.95")
        double confidenceLevel,

        @Schema(
                description = "z₁₋α/₂, the multiplier of the difference's standard error in its margin of error "
                        + "(1.959964 for α = 0.05)",
                examples = "1.959964")
        double criticalZ,

        @Schema(
                description = "One entry per question with a score (not TEXT or CHOICE), in survey order, then the "
                        + "overall CSI if the survey has CSI items; only the question asked for with question=")
        List<QuestionComparisonResponse> questions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The answers a side counts, as parsed from its selector")
    public record SideResponse(
            @Schema(
                    description = "The selector in canonical form (breakdown term, then period)",
                    examples = "tier:GOLD,period:2026-01-01..2026-03-31")
            String selector,

            @Schema(
                    description = "The breakdown dimension; absent: every answer",
                    enumeration = {"wave", "tier", "store", "channel"})
            String by,

            @Schema(description = "The breakdown value (wave id, tier code, store id or channel)", examples = "GOLD")
            String value,

            @Schema(description = "First day counted; absent: since the first answer")
            LocalDate from,

            @Schema(description = "Last day counted, included; absent: up to the latest answer")
            LocalDate to) {

        static SideResponse from(ComparisonSelector s) {
            return new SideResponse(
                    s.canonical(), s.by() == null ? null : s.by().wireName(), s.value(), s.from(), s.to());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            description = "The change of one question's metric from a to b. difference, standardError, marginOfError, "
                    + "low, high, z, pValue and significant are null (present) when comparable is false.")
    public record QuestionComparisonResponse(
            @Schema(description = "The question's id; CSI_OVERALL for the overall CSI entry", examples = "nps")
            String questionId,

            @Schema(
                    description = "Question type",
                    enumeration = {"NPS", "CONTINUED_USE", "NRS", "CSI", "CES", "CES_BINARY", "DWB"})
            String type,

            @Schema(description = "CSI items: the CSI dimension")
            String dimension,

            @Schema(description = "Present and true on the overall CSI entry")
            Boolean overall,

            @Schema(
                    description = "The score's form, which fixes its sampling variance: net (NPS, CONTINUED_USE, NRS, "
                            + "CES_BINARY: (p₊ + p₋ − (p₊ − p₋)²)/n·100²), mean (CSI, CES: s²/n) or share (DWB: "
                            + "p(1 − p)/n·100²)",
                    enumeration = {"net", "mean", "share"})
            String form,

            @Schema(description = "The metric on side a") SideMetricResponse a,

            @Schema(description = "The metric on side b") SideMetricResponse b,

            @Schema(description = "Whether the change could be tested (n > 0 on both sides; n ≥ 2 for a mean)")
            boolean comparable,

            @Schema(description = "Why not comparable; absent when comparable", examples = "no answers on side b")
            String reason,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(
                    description = "score_b − score_a, in the score's unit (points for net scores and DWB; scale "
                            + "points for CSI and CES, where lower CES is better)",
                    nullable = true,
                    examples = "12.0")
            Double difference,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "√(Var_a + Var_b)", nullable = true, examples = "7.5963")
            Double standardError,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(
                    description = "criticalZ · standardError: half-width of the (1 − α) interval of the difference",
                    nullable = true,
                    examples = "14.8885")
            Double marginOfError,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "difference − marginOfError", nullable = true)
            Double low,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "difference + marginOfError", nullable = true)
            Double high,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(
                    description = "difference / standardError; null also when the standard error is 0",
                    nullable = true,
                    examples = "1.5797")
            Double z,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @JsonProperty("pValue")
            @Schema(
                    description = "Two-sided p-value 2·(1 − Φ(|z|)); with a standard error of 0: 1 if the scores are "
                            + "equal, 0 if not",
                    nullable = true,
                    examples = "0.1142")
            Double pValue,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "pValue < alpha (equivalently: low..high leaves out 0)", nullable = true)
            Boolean significant) {

        static QuestionComparisonResponse from(QuestionComparison c) {
            ComparisonMath.Difference d = c.difference();
            return new QuestionComparisonResponse(
                    c.questionId(),
                    c.type().name(),
                    c.dimension(),
                    c.overall() ? Boolean.TRUE : null,
                    c.form().name().toLowerCase(Locale.ROOT),
                    SideMetricResponse.from(c.a()),
                    SideMetricResponse.from(c.b()),
                    c.comparable(),
                    c.reason(),
                    d == null ? null : d.difference(),
                    d == null ? null : d.standardError(),
                    d == null ? null : d.marginOfError(),
                    d == null ? null : d.low(),
                    d == null ? null : d.high(),
                    d == null ? null : d.z(),
                    d == null ? null : d.pValue(),
                    d == null ? null : d.significant());
        }
    }

    @Schema(description = "A question's metric on one side, as the metric endpoint reports it")
    public record SideMetricResponse(
            @Schema(description = "Sample size: answers counted")
            long n,

            @Schema(
                    description = "The score (see the metric endpoint); null when n = 0",
                    nullable = true,
                    examples = "20.0")
            Double score,

            @Schema(
                    description = "√ of the score's sampling variance; null when n = 0 (for means when n < 2)",
                    nullable = true,
                    examples = "5.7446")
            Double standardError,

            @Schema(
                    description = "The score's own 95% margin of error, 1.96 · standardError",
                    nullable = true,
                    examples = "11.2593")
            Double marginOfError,

            @Schema(description = "n ≥ the metric's minimum sample")
            boolean reliable) {

        static SideMetricResponse from(QuestionMetric m) {
            return new SideMetricResponse(
                    m.n(),
                    m.score(),
                    m.variance() == null ? null : Math.sqrt(m.variance()),
                    m.marginOfError(),
                    m.reliable());
        }
    }

    static SurveyComparisonResponse from(Comparison c) {
        return new SurveyComparisonResponse(
                c.surveyId(),
                c.zone().getId(),
                SideResponse.from(c.a()),
                SideResponse.from(c.b()),
                c.alpha(),
                1.0 - c.alpha(),
                c.criticalZ(),
                c.questions().stream().map(QuestionComparisonResponse::from).toList());
    }
}
