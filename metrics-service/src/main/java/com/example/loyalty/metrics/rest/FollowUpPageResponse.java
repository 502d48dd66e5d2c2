package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.FollowUpService;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of the follow-up queue, newest first")
public record FollowUpPageResponse(
        @Schema(description = "The items of this page") List<FollowUpResponse> items,
        @Schema(description = "Page index, from 0") int page,
        @Schema(description = "Page size asked for") int size,

        @Schema(description = "Items matching the filters, on all pages")
        long total,

        @Schema(description = "Number of pages of this size")
        long totalPages) {

    static FollowUpPageResponse from(FollowUpService.FollowUpPage p) {
        return new FollowUpPageResponse(
                p.items().stream().map(FollowUpResponse::from).toList(),
                p.page(),
                p.size(),
                p.total(),
                (p.total() + p.size() - 1) / p.size());
    }
}
