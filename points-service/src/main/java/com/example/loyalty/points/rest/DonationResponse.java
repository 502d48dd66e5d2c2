package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.CauseService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A donation, and the cause's totals right after it")
public record DonationResponse(
        UUID redemptionId,
        UUID causeId,
        UUID rewardId,

        @Schema(description = "Points donated") long points,

        @Schema(description = "Points the brand added to this donation")
        long matchedPoints,

        @Schema(description = "Your balance right after the donation")
        long balance,

        @Schema(description = "The cause's donated points, this donation included")
        long donatedPoints,

        @Schema(description = "The cause's matched points, this donation included")
        long causeMatchedPoints,

        String idempotencyKey,
        Instant createdAt,

        @Schema(description = "True when the Idempotency-Key had been used before and nothing was donated now")
        boolean replayed) {

    static DonationResponse from(CauseService.Donation d) {
        var r = d.redemption();
        return new DonationResponse(
                r.redemptionId(),
                r.causeId(),
                r.rewardId(),
                r.points(),
                r.matchedPoints() == null ? 0 : r.matchedPoints(),
                r.balance(),
                d.cause().donatedPoints(),
                d.cause().matchedPoints(),
                r.idempotencyKey(),
                r.createdAt(),
                r.replayed());
    }
}
