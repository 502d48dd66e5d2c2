package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.EarningEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a purchase would earn, and why, rule by rule")
public record SimulateResponse(
        @Schema(description = "Points the purchase would earn")
        long points,

        String cardCode,

        @Schema(description = "The member's tier (its multiplier applies)")
        String tier,

        @Schema(description = "The member's RFM segment, if scored")
        String segment,

        long amount,
        String currency,
        String channel,
        Instant occurredAt,

        @Schema(description = "Minor units per base point used")
        int rate,

        @Schema(description = "The rule versions that applied, as the purchase would record them")
        List<PurchaseResponse.AppliedRuleResponse> rules,

        @Schema(
                description = "The computation step by step: base, tier, boosts, channel, SKU or category, "
                        + "campaigns, rounding")
        List<Step> steps) {

    @Schema(description = "One step of the computation")
    public record Step(
            @Schema(description = "The rule; null for the configured base rate, the tier, a boost and the rounding")
            UUID ruleId,

            Integer version,

            @Schema(description = "BASE_RATE, TIER, BOOST, CHANNEL, SKU, CATEGORY, CAMPAIGN or ROUNDING")
            String kind,

            String name,
            @Schema(description = "What it did, in words") String effect,

            @Schema(description = "Points it added (3 decimals, rounded down)")
            BigDecimal points,

            @Schema(description = "Points after it (3 decimals, rounded down; whole points after ROUNDING)")
            BigDecimal pointsAfter,

            @Schema(description = "True when a cap or the maximum total multiplier cut it")
            boolean capped) {

        static Step of(EarningEngine.Step s) {
            return new Step(
                    s.ruleId(), s.version(), s.kind(), s.name(), s.effect(), s.points(), s.pointsAfter(), s.capped());
        }
    }
}
