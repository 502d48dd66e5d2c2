package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.ChurnPeriods;
import com.example.loyalty.metrics.domain.ChurnReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Churn per month or quarter in one currency")
public record ChurnResponse(
        @Schema(description = "ISO 4217 currency whose purchases were counted", examples = "JPY")
        String currency,

        @Schema(
                description = "The zone whose calendar days purchases fall on (metrics.behaviour.zone)",
                examples = "Asia/Tokyo")
        String zone,

        @Schema(
                description = "Period length",
                enumeration = {"month", "quarter"})
        String interval,

        @Schema(description = "First day of the range") LocalDate from,

        @Schema(description = "Last day of the range, included")
        LocalDate to,

        @Schema(
                description = "The inactivity window W in days: a member is active at the start of a day if they "
                        + "made a purchase on one of the W days before it",
                examples = "180")
        int inactivityDays,

        @Schema(description = "One entry per period from 'from' to 'to', in order")
        List<PeriodResponse> periods) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One period: months are calendar months, quarters start in January, April, July, October")
    public record PeriodResponse(
            @Schema(description = "First day of the period (within the range)")
            LocalDate start,

            @Schema(description = "Last day of the period, included (within the range)")
            LocalDate end,

            @Schema(description = "Whether the range cut the period short (start or end differ from the calendar's)")
            boolean partial,

            @Schema(description = "Members with a purchase on one of the W days before 'start'")
            long activeAtStart,

            @Schema(
                    description = "Members active at start with no purchase on the W days up to and including 'end' "
                            + "(so inactive when the period ends); a member who lapses during the period and buys "
                            + "again within W days of its end has not stopped")
            long stopped,

            @Schema(description = "activeAtStart − stopped") long retained,

            @Schema(
                    description = "stopped ÷ activeAtStart × 100, two decimals rounded half up; absent when no member "
                            + "was active at start",
                    examples = "12.5")
            BigDecimal churnRate) {}

    static ChurnResponse from(ChurnReport r) {
        return new ChurnResponse(
                r.currency().getCurrencyCode(),
                r.zone().getId(),
                r.interval().wireName(),
                r.from(),
                r.to(),
                r.inactivityDays(),
                r.periods().stream().map(ChurnResponse::period).toList());
    }

    private static PeriodResponse period(ChurnPeriods.Period p) {
        return new PeriodResponse(
                p.start(), p.end(), p.partial(), p.activeAtStart(), p.stopped(), p.retained(), p.churnRate());
    }
}
