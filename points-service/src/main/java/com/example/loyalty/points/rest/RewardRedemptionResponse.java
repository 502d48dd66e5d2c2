package com.example.loyalty.points.rest;

import com.example.loyalty.points.domain.CouponStatus;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.service.CouponCodes;
import com.example.loyalty.points.service.RewardRedemptionService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A reward redeemed, or points donated to a cause")
public record RewardRedemptionResponse(
        @Schema(description = "The coupon staff fulfil at the till (16 symbols); null for a donation")
        String couponCode,

        @Schema(description = "The coupon grouped by four, for printing", examples = "7QK3-M0Z9-RT4X-W2HC")
        String couponDisplay,

        UUID redemptionId,
        UUID rewardId,
        String rewardName,
        RewardKind kind,

        @Schema(description = "Points spent") long points,

        @Schema(description = "The cause of a donation") UUID causeId,

        @Schema(description = "Points the brand added to a donation (its matching ratio, rounded down)")
        Long matchedPoints,

        @Schema(description = "ISSUED, FULFILLED, VOIDED, or DONATED for a donation")
        CouponStatus status,

        @Schema(description = "Your balance right after the redemption")
        long balance,

        String idempotencyKey,
        Instant createdAt,

        @Schema(description = "True when the Idempotency-Key had been used before and nothing was spent now")
        boolean replayed) {

    static RewardRedemptionResponse from(RewardRedemptionService.Result r) {
        return new RewardRedemptionResponse(
                r.couponCode(),
                r.couponCode() == null ? null : CouponCodes.display(r.couponCode()),
                r.redemptionId(),
                r.rewardId(),
                r.rewardName(),
                r.kind(),
                r.points(),
                r.causeId(),
                r.matchedPoints(),
                r.status(),
                r.balance(),
                r.idempotencyKey(),
                r.createdAt(),
                r.replayed());
    }
}
