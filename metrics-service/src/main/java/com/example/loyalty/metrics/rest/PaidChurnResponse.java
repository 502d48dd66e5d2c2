package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.ChurnService;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Paid-membership churn per month or quarter")
public record PaidChurnResponse(
        @Schema(description = "The zone whose calendar days the periods are", examples = "Asia/Tokyo")
        String zone,

        @Schema(enumeration = {"month", "quarter"}) String interval,
        LocalDate from,
        LocalDate to,
        List<PeriodResponse> periods) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One period")
    public record PeriodResponse(
            LocalDate start,
            @Schema(description = "Last day, included") LocalDate end,

            @Schema(description = "Whether the range cut the period short")
            boolean partial,

            @Schema(description = "Members whose paid membership covered the period's first instant")
            long payingAtStart,

            @Schema(description = "Of them, those no longer paying at the period's end")
            long stopped,

            @Schema(description = "Of the stopped, those who had cancelled")
            long stoppedAfterCancelling,

            @Schema(description = "Cancellations recorded in the period")
            long cancellations,

            @Schema(description = "payingAtStart − stopped") long retained,

            @Schema(description = "stopped ÷ payingAtStart × 100, two decimals; absent when no one paid")
            BigDecimal churnRate) {}

    static PaidChurnResponse from(ChurnService.PaidReport r) {
        return new PaidChurnResponse(
                r.zone().getId(),
                r.interval().wireName(),
                r.from(),
                r.to(),
                r.periods().stream()
                        .map(p -> new PeriodResponse(
                                p.start(),
                                p.end(),
                                p.partial(),
                                p.payingAtStart(),
                                p.stopped(),
                                p.stoppedAfterCancelling(),
                                p.cancellations(),
                                p.retained(),
                                p.churnRate()))
                        .toList());
    }
}
