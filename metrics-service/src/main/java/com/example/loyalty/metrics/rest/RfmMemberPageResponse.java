package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.RfmService;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a currency's members with their RFM scores, in member-id order")
public record RfmMemberPageResponse(
        @Schema(description = "ISO 4217 currency", examples = "JPY")
        String currency,

        @Schema(description = "The day the scores are as of")
        LocalDate asOf,

        @Schema(description = "The segment asked for; null for all", nullable = true)
        String segment,

        @Schema(description = "The members of this page") List<RfmMemberResponse> items,

        @Schema(description = "Page index, from 0") int page,

        @Schema(description = "Page size asked for") int size,

        @Schema(description = "Members matching, on all pages")
        long total,

        @Schema(description = "Number of pages of this size")
        long totalPages) {

    static RfmMemberPageResponse from(RfmService.MemberPage p) {
        return new RfmMemberPageResponse(
                p.run().currency(),
                p.run().asOf(),
                p.segment() == null ? null : p.segment().name(),
                p.items().stream().map(RfmMemberResponse::from).toList(),
                p.page(),
                p.size(),
                p.total(),
                (p.total() + p.size() - 1) / p.size());
    }
}
