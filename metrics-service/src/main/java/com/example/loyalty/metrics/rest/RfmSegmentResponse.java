package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.RfmService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One RFM segment: its members and their mean scores and measures (means rounded to 2 decimals)")
public record RfmSegmentResponse(
        @Schema(
                description = "The segment, in the order segments are matched",
                enumeration = {
                    "CHAMPIONS",
                    "CANT_LOSE_THEM",
                    "LOYAL",
                    "AT_RISK",
                    "NEW",
                    "PROMISING",
                    "POTENTIAL_LOYALIST",
                    "NEED_ATTENTION",
                    "ABOUT_TO_SLEEP",
                    "HIBERNATING",
                    "LOST",
                    "OTHERS"
                })
        String segment,

        @Schema(description = "Members in the segment") long members,

        @Schema(description = "Share of all members scored, in percent; null when none was scored", nullable = true)
        Double percent,

        @Schema(description = "Mean recency score R (1–5); null without members", nullable = true)
        Double meanR,

        @Schema(description = "Mean frequency score F (1–5); null without members", nullable = true)
        Double meanF,

        @Schema(description = "Mean monetary score M (1–5); null without members", nullable = true)
        Double meanM,

        @Schema(description = "Mean days since the last purchase; null without members", nullable = true)
        Double meanRecencyDays,

        @Schema(description = "Mean purchases in the window; null without members", nullable = true)
        Double meanFrequency,

        @Schema(
                description = "Mean spend in the window, in minor units of the currency; null without members",
                nullable = true)
        Double meanMonetary) {

    static RfmSegmentResponse from(RfmService.SegmentStats s) {
        return new RfmSegmentResponse(
                s.segment().name(),
                s.members(),
                s.percent(),
                s.meanR(),
                s.meanF(),
                s.meanM(),
                s.meanRecencyDays(),
                s.meanFrequency(),
                s.meanMonetary());
    }
}
