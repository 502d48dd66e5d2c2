package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.RfmService;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a recompute did")
public record RfmRecomputeResponse(
        @Schema(description = "ISO 4217 currency recomputed", examples = "JPY")
        String currency,

        @Schema(description = "The day the scores are now as of")
        LocalDate asOf,

        @Schema(description = "Months of purchases frequency and monetary counted", examples = "12")
        int windowMonths,

        @Schema(description = "Members scored") long members,

        @Schema(
                description = "Members whose segment changed (or who were scored for the first time): one "
                        + "SegmentChanged event each on loyalty-insights")
        long changed,

        @Schema(description = "Members no longer scored because the as-of day moved back before their first purchase")
        long removed,

        @Schema(description = "When it ran (UTC)") Instant computedAt,

        @Schema(description = "How long it took, in milliseconds")
        long tookMillis) {

    static RfmRecomputeResponse from(RfmService.Recompute r) {
        return new RfmRecomputeResponse(
                r.run().currency(),
                r.run().asOf(),
                r.run().windowMonths(),
                r.run().members(),
                r.run().changed(),
                r.removed(),
                r.run().computedAt(),
                r.took().toMillis());
    }
}
