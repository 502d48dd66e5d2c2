package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.AdjustmentService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of an adjustment")
public record AdjustmentResponse(
        UUID adjustmentId,
        String idempotencyKey,
        UUID memberId,

        @Schema(description = "Signed: positive credited, negative taken off")
        long points,

        String reason,

        @Schema(description = "Balance before the adjustment")
        long balanceBefore,

        @Schema(description = "Balance after the adjustment")
        long balance,

        Instant createdAt,

        @Schema(description = "Token subject of the admin") String createdBy,

        @Schema(description = "True when the key had been used before and nothing changed now")
        boolean replayed) {

    public static AdjustmentResponse from(AdjustmentService.AdjustmentResult r) {
        return new AdjustmentResponse(
                r.adjustmentId(),
                r.idempotencyKey(),
                r.memberId(),
                r.points(),
                r.reason(),
                r.balanceBefore(),
                r.balance(),
                r.createdAt(),
                r.createdBy(),
                r.replayed());
    }
}
