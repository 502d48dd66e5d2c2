package com.example.loyalty.points.rest;

import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.domain.RewardStatus;
import com.example.loyalty.points.service.RewardView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A reward of the catalogue")
public record RewardResponse(
        UUID id,
        String name,
        String description,
        RewardKind kind,

        @Schema(description = "Points it costs; for a cause's own donation reward (openAmount) the least one gives")
        long pointsPrice,

        @Schema(description = "Left to redeem; null: unlimited")
        Long stock,

        @Schema(description = "Tier codes that may redeem it; empty: every tier")
        List<String> eligibleTiers,

        Instant validFrom,

        @Schema(description = "Exclusive") Instant validTo,

        @Schema(description = "Most redemptions one member may hold; null: no limit")
        Integer perMemberLimit,

        RewardStatus status,

        @Schema(description = "The cause of a DONATION reward")
        UUID causeId,

        @Schema(description = "A cause's own donation reward: any amount from pointsPrice up")
        boolean openAmount,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Marketers and admins: redemptions by status") @JsonInclude(JsonInclude.Include.NON_NULL)
        RewardView.Counts counts,

        @Schema(description = "Members: whether you can redeem it now") @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean redeemable,

        @Schema(
                description = "Members: why not, the first that applies: reward-retired, reward-not-yet-valid, "
                        + "reward-ended, cause-closed, tier-not-eligible, per-member-limit, out-of-stock, "
                        + "insufficient-points")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String unavailableReason,

        @Schema(description = "Members: how many of it you hold (voided ones left out)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long held) {

    static RewardResponse from(RewardView v) {
        var m = v.forMember();
        return new RewardResponse(
                v.id(),
                v.name(),
                v.description(),
                v.kind(),
                v.pointsPrice(),
                v.stock(),
                v.eligibleTiers(),
                v.validFrom(),
                v.validTo(),
                v.perMemberLimit(),
                v.status(),
                v.causeId(),
                v.openAmount(),
                v.createdAt(),
                v.updatedAt(),
                v.counts(),
                m == null ? null : m.redeemable(),
                m == null ? null : m.unavailableReason(),
                m == null ? null : m.held());
    }
}
