package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.RedemptionService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A cancelled redemption, and the member's points now")
public record CancelRedemptionResponse(
        UUID redemptionId,
        String idempotencyKey,
        UUID memberId,

        @Schema(description = "Points given back") long points,

        @Schema(description = "Balance now") long balance,
        @Schema(description = "Available points now") long available,
        @Schema(description = "Pending points now") long pending,

        @Schema(description = "The member's debt now (given-back points pay it first)")
        long debt,

        Instant cancelledAt,

        @Schema(description = "Who cancelled it") String cancelledBy,

        @Schema(description = "True when it had been cancelled before and nothing changed now")
        boolean replayed) {

    static CancelRedemptionResponse from(RedemptionService.CancelResult r) {
        return new CancelRedemptionResponse(
                r.redemptionId(),
                r.idempotencyKey(),
                r.memberId(),
                r.points(),
                r.balances().balance(),
                r.balances().available(),
                r.balances().pending(),
                r.balances().debt(),
                r.cancelledAt(),
                r.cancelledBy(),
                r.replayed());
    }
}
