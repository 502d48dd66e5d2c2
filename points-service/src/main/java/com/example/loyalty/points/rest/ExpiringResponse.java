package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What of the member's points expires within a period, by expiry date, soonest first")
public record ExpiringResponse(
        @Schema(description = "Start of the period: now") Instant from,
        @Schema(description = "End of the period") Instant until,

        @Schema(description = "Points expiring in the period, in all")
        long total,

        List<ExpiringDate> dates,

        @Schema(description = "True when more dates fall in the period than are listed (at most 400); total counts all")
        boolean truncated) {

    @Schema(description = "Points expiring at one time")
    public record ExpiringDate(
            @Schema(description = "When they expire: midnight in the program's zone")
            Instant expiresAt,

            @Schema(description = "The last day they can be spent, in the program's zone")
            LocalDate lastDay,

            long points,

            @Schema(description = "How many lots (earnings) they come from")
            long lots) {}

    static ExpiringResponse from(MemberService.Expiring e) {
        return new ExpiringResponse(
                e.from(),
                e.until(),
                e.total(),
                e.dates().stream()
                        .map(d -> new ExpiringDate(d.expiresAt(), d.lastDay(), d.points(), d.lots()))
                        .toList(),
                e.truncated());
    }
}
