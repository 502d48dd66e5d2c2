package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.QuestionMetric;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "The metric of one survey question, with its sample size and 95% margin of error. Fields that "
                + "do not apply to the question's type are left out; score, marginOfError, low and high are null (present) "
                + "when they are undefined (n = 0, or n < 2 for a mean's margin of error).")
public record QuestionMetricResponse(
        @Schema(
                description = "The question's id within the survey; CSI_OVERALL for the overall CSI entry",
                examples = "nps")
        String questionId,

        @Schema(
                description = "Question type",
                enumeration = {"NPS", "CONTINUED_USE", "NRS", "CSI", "CES", "CES_BINARY", "DWB", "TEXT", "CHOICE"})
        String type,

        @Schema(
                description = "CSI items: the CSI dimension (EXPECTATION, PERCEIVED_QUALITY, PERCEIVED_VALUE, "
                        + "COMPLAINTS, LOYALTY, CUSTOM)")
        String dimension,

        @Schema(
                description = "Present and true on the overall CSI entry: the mean over every CSI answer of the survey "
                        + "(all items pooled, each answer weighing the same: not the mean of the item means), with the "
                        + "margin of error of that pooled mean")
        Boolean overall,

        @Schema(description = "Sample size: answers counted")
        long n,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(
                description = "The headline number. NPS and CONTINUED_USE: %promoters (9–10) − %detractors (0–6), "
                        + "−100..100; NRS: %repeaters (5) − %at-risk (1–3); CSI: mean 0–100; CES: mean 0–10 (lower is "
                        + "better); CES_BINARY: %no effort − %effort; DWB: share of answers that are 1, in %; TEXT and "
                        + "CHOICE: null. Null when n = 0.",
                nullable = true,
                examples = "0.0")
        Double score,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(
                description = "Half-width of the 95% interval, in the score's unit. Net scores: "
                        + "1.96·√((p₊ + p₋ − (p₊ − p₋)²)/n)·100 (difference of two proportions of one multinomial sample); "
                        + "means: 1.96·s/√n with the sample standard deviation s (n − 1); DWB: 1.96·√(p(1 − p)/n)·100. "
                        + "Null when n = 0 (for means when n < 2).",
                nullable = true)
        Double marginOfError,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "score − marginOfError, kept within the scale", nullable = true)
        Double low,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "score + marginOfError, kept within the scale", nullable = true)
        Double high,

        @Schema(description = "n ≥ minimumSample") boolean reliable,

        @Schema(
                description = "The sample size from which the metric counts as reliable (configurable; default 100 "
                        + "for CSI, 30 otherwise)")
        int minimumSample,

        @Schema(description = "NPS/CONTINUED_USE: answers 9–10")
        Long promoters,

        @Schema(description = "NPS/CONTINUED_USE: answers 7–8")
        Long passives,

        @Schema(description = "NPS/CONTINUED_USE: answers 0–6")
        Long detractors,

        @Schema(description = "promoters in % of n") Double promotersPercent,
        @Schema(description = "passives in % of n") Double passivesPercent,
        @Schema(description = "detractors in % of n") Double detractorsPercent,
        @Schema(description = "NRS: answers 5") Long repeaters,
        @Schema(description = "NRS: answers 4") Long neutrals,
        @Schema(description = "NRS: answers 1–3") Long atRisk,
        @Schema(description = "repeaters in % of n") Double repeatersPercent,
        @Schema(description = "neutrals in % of n") Double neutralsPercent,
        @Schema(description = "atRisk in % of n") Double atRiskPercent,

        @Schema(description = "CES_BINARY: answers \"felt effort\" (yes)")
        Long effort,

        @Schema(description = "CES_BINARY: answers \"no effort\" (no)")
        Long noEffort,

        @Schema(description = "effort in % of n") Double effortPercent,
        @Schema(description = "noEffort in % of n") Double noEffortPercent,

        @Schema(description = "DWB: answers 1 (definitely would buy)")
        Long topBox,

        @Schema(description = "CSI/CES: sample standard deviation (n − 1); null when n < 2")
        Double standardDeviation,

        @Schema(description = "Discrete scales (NPS, CONTINUED_USE, NRS, CES, DWB): answers per score")
        Map<Integer, Long> distribution,

        @Schema(description = "CHOICE: answers per option id")
        Map<String, Long> choices) {

    static QuestionMetricResponse from(QuestionMetric m) {
        return new QuestionMetricResponse(
                m.questionId(),
                m.type().name(),
                m.dimension(),
                m.overall() ? Boolean.TRUE : null,
                m.n(),
                m.score(),
                m.marginOfError(),
                m.low(),
                m.high(),
                m.reliable(),
                m.minimumSample(),
                m.promoters(),
                m.passives(),
                m.detractors(),
                m.promotersPercent(),
                m.passivesPercent(),
                m.detractorsPercent(),
                m.repeaters(),
                m.neutrals(),
                m.atRisk(),
                m.repeatersPercent(),
                m.neutralsPercent(),
                m.atRiskPercent(),
                m.effort(),
                m.noEffort(),
                m.effortPercent(),
                m.noEffortPercent(),
                m.topBox(),
                m.standardDeviation(),
                m.distribution(),
                m.choices());
    }
}
