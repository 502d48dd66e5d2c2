package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.CauseService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A cause and what members gave it")
public record CauseResponse(
        UUID id,
        String name,
        String description,

        @Schema(description = "Points the brand adds per point donated")
        BigDecimal matchingRatio,

        boolean active,
        Instant validFrom,
        Instant validTo,

        @Schema(description = "Members can donate now: active and within its validity window")
        boolean open,

        @Schema(description = "The cause's own DONATION reward, through which donations go")
        UUID rewardId,

        @Schema(description = "Points members donated (exact)")
        long donatedPoints,

        @Schema(description = "Points the brand added (each donation's matched points, rounded down)")
        long matchedPoints,

        @Schema(description = "Members who donated") long donors,

        @Schema(description = "Donations made") long donations,

        Instant createdAt,
        Instant updatedAt) {

    static CauseResponse from(CauseService.CauseView v) {
        return new CauseResponse(
                v.id(),
                v.name(),
                v.description(),
                v.matchingRatio(),
                v.active(),
                v.validFrom(),
                v.validTo(),
                v.open(),
                v.rewardId(),
                v.donatedPoints(),
                v.matchedPoints(),
                v.donors(),
                v.donations(),
                v.createdAt(),
                v.updatedAt());
    }
}
