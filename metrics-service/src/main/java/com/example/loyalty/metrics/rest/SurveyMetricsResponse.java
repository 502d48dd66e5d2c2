package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.QuestionMetric;
import com.example.loyalty.metrics.domain.SurveyReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "A survey's metrics: every question over the range, and with interval and/or by the same per "
                + "period and/or per group")
public record SurveyMetricsResponse(
        @Schema(description = "The survey") UUID surveyId,

        @Schema(
                description = "The zone whose calendar days answers are counted in (metrics.surveys.zone)",
                examples = "Asia/Tokyo")
        String zone,

        @Schema(description = "First day counted (absent: since the first answer)")
        LocalDate from,

        @Schema(description = "Last day counted, included (absent: up to the latest answer)")
        LocalDate to,

        @Schema(
                description = "Period length of the time series",
                enumeration = {"day", "week", "month"})
        String interval,

        @Schema(
                description = "Breakdown of the groups",
                enumeration = {"tier", "store", "channel", "wave"})
        String by,

        @Schema(
                description = "Every question of the survey in survey order (n = 0 when unanswered in the range), then "
                        + "an overall CSI entry (questionId CSI_OVERALL) if the survey has CSI items")
        List<QuestionMetricResponse> questions,

        @Schema(description = "With interval: one entry per period from 'from' to 'to', empty periods included")
        List<PeriodResponse> periods,

        @Schema(description = "With by: one entry per value with answers in the range, sorted by value")
        List<GroupResponse> groups) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            description = "One period of a time series: weeks are ISO weeks (Monday–Sunday), months calendar months; "
                    + "start and end are cut to the requested range")
    public record PeriodResponse(
            @Schema(description = "First day of the period (within the range)")
            LocalDate start,

            @Schema(description = "Last day of the period, included (within the range)")
            LocalDate end,

            @Schema(description = "Metrics of the period") List<QuestionMetricResponse> questions,

            @Schema(description = "With by: the groups of the period")
            List<GroupResponse> groups) {}

    @Schema(description = "The answers of one breakdown value")
    public record GroupResponse(
            @Schema(
                    description = "Tier code, store id, channel or wave id; UNKNOWN when the answer carried none",
                    examples = "GOLD")
            String value,

            @Schema(description = "Metrics of the group") List<QuestionMetricResponse> questions) {}

    static SurveyMetricsResponse from(SurveyReport r) {
        return new SurveyMetricsResponse(
                r.surveyId(),
                r.zone().getId(),
                r.from(),
                r.to(),
                r.interval() == null ? null : r.interval().wireName(),
                r.by() == null ? null : r.by().wireName(),
                questions(r.questions()),
                r.periods() == null
                        ? null
                        : r.periods().stream()
                                .map(p -> new PeriodResponse(
                                        p.start(), p.end(), questions(p.questions()), groups(p.groups())))
                                .toList(),
                groups(r.groups()));
    }

    private static List<GroupResponse> groups(List<SurveyReport.Group> groups) {
        return groups == null
                ? null
                : groups.stream()
                        .map(g -> new GroupResponse(g.value(), questions(g.questions())))
                        .toList();
    }

    private static List<QuestionMetricResponse> questions(List<QuestionMetric> metrics) {
        return metrics.stream().map(QuestionMetricResponse::from).toList();
    }
}
