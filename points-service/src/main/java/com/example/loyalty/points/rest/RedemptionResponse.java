package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.RedemptionService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "The outcome of a redemption")
public record RedemptionResponse(UUID redemptionId, String idempotencyKey, UUID memberId, long points,
        @Schema(description = "Balance after the redemption") long balance, String reason, Instant createdAt,
        @Schema(description = "True when the key had been used before and nothing was spent now") boolean replayed) {

    public static RedemptionResponse from(RedemptionService.RedemptionResult r) {
        var d = r.redemption();
        return new RedemptionResponse(d.id, d.idempotencyKey, d.memberId, d.points, d.balanceAfter, d.reason,
                d.createdAt, r.replayed());
    }
}
