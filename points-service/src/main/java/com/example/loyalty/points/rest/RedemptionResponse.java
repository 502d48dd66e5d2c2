package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.RedemptionService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of a redemption")
public record RedemptionResponse(
        UUID redemptionId,
        String idempotencyKey,
        UUID memberId,
        long points,

        @Schema(description = "Balance after the redemption")
        long balance,

        String reason,
        Instant createdAt,

        @Schema(description = "True when the key had been used before and nothing was spent now")
        boolean replayed) {

    public static RedemptionResponse from(RedemptionService.RedemptionResult r) {
        return new RedemptionResponse(
                r.redemptionId(),
                r.idempotencyKey(),
                r.memberId(),
                r.points(),
                r.balance(),
                r.reason(),
                r.createdAt(),
                r.replayed());
    }
}
