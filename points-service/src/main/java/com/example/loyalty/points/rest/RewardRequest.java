package com.example.loyalty.points.rest;

import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.service.RewardService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A reward as a marketer describes it. A PUT replaces every descriptive field (omitted: cleared) and"
                        + " changes the stock only through stock + expectedStock, addStock or unlimitedStock.")
public record RewardRequest(
        @Schema(description = "Shown to members", examples = "Dinner with the chef") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Shown to members") @Size(max = 2000)
        String description,

        @Schema(description = "What it is; required when creating, cannot change")
        RewardKind kind,

        @Schema(description = "Points it costs (the least a donation gives, for a cause's own donation reward)")
        @NotNull
        @Positive
        @Max(1_000_000_000L)
        Long pointsPrice,

        @Schema(
                nullable = true,
                description = "Creating: how many there are (omitted or null: unlimited). Changing: the stock to set;"
                        + " on a limited stock only together with expectedStock")
        @PositiveOrZero
        @Max(1_000_000_000L)
        Long stock,

        @Schema(description = "Tier codes that may redeem it (GET /api/points/tiers); empty or omitted: every tier")
        @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be a tier code") String> eligibleTiers,

        @Schema(description = "Redeemable from (omitted: at once)")
        Instant validFrom,

        @Schema(description = "Redeemable until, exclusive (omitted: no end)")
        Instant validTo,

        @Schema(description = "Most redemptions (voided ones left out) one member may hold; omitted: no limit")
        @Positive
        @Max(1_000_000)
        Integer perMemberLimit,

        @Schema(description = "The cause a DONATION reward gives to; only for DONATION")
        UUID causeId,

        @Schema(
                description =
                        "Changing: the stock you read; the change is refused (409) if redemptions took some since")
        @PositiveOrZero
        @Max(1_000_000_000L)
        Long expectedStock,

        @Schema(description = "Changing: add this many to a limited stock (negative: take away; never below 0)")
        @Min(-1_000_000_000L)
        @Max(1_000_000_000L)
        Long addStock,

        @Schema(description = "Changing: true makes the stock unlimited")
        Boolean unlimitedStock) {

    RewardService.Definition definition() {
        return new RewardService.Definition(
                name, description, kind, pointsPrice, eligibleTiers, validFrom, validTo, perMemberLimit, causeId);
    }

    RewardService.StockChange stockChange() {
        return new RewardService.StockChange(stock, expectedStock, addStock, unlimitedStock);
    }

    /** Whether it carries what only a change may (the stock operations). */
    boolean changesStock() {
        return expectedStock != null || addStock != null || unlimitedStock != null;
    }
}
