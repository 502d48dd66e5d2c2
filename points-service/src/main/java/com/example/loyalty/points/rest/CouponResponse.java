package com.example.loyalty.points.rest;

import com.example.loyalty.points.domain.CouponStatus;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.service.CouponCodes;
import com.example.loyalty.points.service.RewardRedemptionService;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A coupon, as staff see it at the till")
public record CouponResponse(
        String couponCode,
        @Schema(examples = "7QK3-M0Z9-RT4X-W2HC") String couponDisplay,
        UUID redemptionId,
        UUID rewardId,
        String rewardName,
        RewardKind kind,

        @Schema(description = "The member who redeemed it") UUID memberId,

        @Schema(description = "Their card code") String cardCode,

        @Schema(description = "Points it cost") long points,

        @Schema(description = "ISSUED (to hand over), FULFILLED or VOIDED")
        CouponStatus status,

        Instant createdAt,
        Instant fulfilledAt,
        @Schema(description = "Who fulfilled it") String fulfilledBy,
        Instant voidedAt,
        @Schema(description = "Who voided it") String voidedBy,

        @Schema(description = "After a void: the member's balance now") @JsonInclude(JsonInclude.Include.NON_NULL)
        Long balance,

        @Schema(description = "After a void: the member's available points now")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long available,

        @Schema(description = "True when it was fulfilled (or voided) before and nothing changed now")
        boolean replayed) {

    static CouponResponse from(RewardRedemptionService.Coupon c) {
        return new CouponResponse(
                c.couponCode(),
                CouponCodes.display(c.couponCode()),
                c.redemptionId(),
                c.rewardId(),
                c.rewardName(),
                c.kind(),
                c.memberId(),
                c.cardCode(),
                c.points(),
                c.status(),
                c.createdAt(),
                c.fulfilledAt(),
                c.fulfilledBy(),
                c.voidedAt(),
                c.voidedBy(),
                c.balances() == null ? null : c.balances().balance(),
                c.balances() == null ? null : c.balances().available(),
                c.replayed());
    }
}
