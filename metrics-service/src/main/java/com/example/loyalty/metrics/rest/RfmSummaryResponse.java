package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.RfmService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "RFM of one currency as of a day: members and means per segment")
public record RfmSummaryResponse(
        @Schema(description = "ISO 4217 currency the purchases were counted in", examples = "JPY")
        String currency,

        @Schema(description = "The day the scores are as of (calendar day in the behaviour zone)")
        LocalDate asOf,

        @Schema(description = "Months of purchases frequency and monetary count, ending on asOf", examples = "12")
        int windowMonths,

        @Schema(description = "When the recompute ran (UTC)")
        Instant computedAt,

        @Schema(description = "Members scored: those with a purchase in the currency up to asOf")
        long members,

        @Schema(description = "Every segment, in the order they are matched (also those without members)")
        List<RfmSegmentResponse> segments) {

    static RfmSummaryResponse from(RfmService.Summary s) {
        return new RfmSummaryResponse(
                s.run().currency(),
                s.run().asOf(),
                s.run().windowMonths(),
                s.run().computedAt(),
                s.run().members(),
                s.segments().stream().map(RfmSegmentResponse::from).toList());
    }
}
