package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.repository.RfmRepository;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One member's RFM scores, measures and segment")
public record RfmMemberResponse(
        @Schema(description = "Member id") UUID memberId,

        @Schema(description = "The member's segment", examples = "CHAMPIONS")
        String segment,

        @Schema(description = "Recency score, 1–5 (5: most recent)")
        int r,

        @Schema(description = "Frequency score, 1–5 (5: most purchases; 1 without purchase in the window)")
        int f,

        @Schema(description = "Monetary score, 1–5 (5: most spend; 1 without purchase in the window)")
        int m,

        @Schema(description = "Calendar days from the last purchase to asOf")
        int recencyDays,

        @Schema(description = "Purchases in the window") long frequency,

        @Schema(description = "Spend in the window, in minor units of the currency")
        long monetary) {

    static RfmMemberResponse from(RfmRepository.MemberRow row) {
        return new RfmMemberResponse(
                row.memberId(),
                row.segment().name(),
                row.r(),
                row.f(),
                row.m(),
                row.recencyDays(),
                row.frequency(),
                row.monetary());
    }
}
