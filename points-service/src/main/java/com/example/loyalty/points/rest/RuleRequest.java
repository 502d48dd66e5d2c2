package com.example.loyalty.points.rest;

import com.example.loyalty.points.domain.RuleKind;
import com.example.loyalty.points.service.EarningRuleService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "An earning rule as a marketer defines it (docs/earning-rules.md). Give the fields of its kind: "
                + "BASE_RATE currency, rate; CHANNEL channel, multiplier; CATEGORY category, multiplier; SKU sku, "
                + "multiplier; CAMPAIGN multiplier and/or bonusPoints, validTo, optional audience, channel, currency and "
                + "caps. Fields of another kind are refused (422).")
public record RuleRequest(
        @Schema(description = "The kind; required on create, optional (and unchangeable) on a change")
        RuleKind kind,

        @Schema(description = "Shown to marketers and in the explanation of what a purchase earned") @Size(max = 200)
        String name,

        @Schema(
                description = "Start of the rule's window; now when absent. On create it may not lie in the past "
                        + "(up to points.rules.start-grace, 5 minutes, ago counts as now); on a change, the previous "
                        + "version's when absent")
        Instant validFrom,

        @Schema(description = "End of the window (exclusive); required for a CAMPAIGN, else open when absent")
        Instant validTo,

        @Schema(description = "BASE_RATE: the currency; CAMPAIGN: only purchases in it (optional)", examples = "JPY")
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as JPY")
        String currency,

        @Schema(description = "BASE_RATE: minor units of the currency per base point (100: 1 point per 100 JPY)")
        Integer rate,

        @Schema(description = "CHANNEL: the channel; CAMPAIGN: only purchases in it (optional)")
        PurchaseRequest.Channel channel,

        @Schema(description = "CATEGORY: the product category") @Size(max = 64)
        String category,

        @Schema(description = "SKU: the product's SKU") @Size(max = 64)
        String sku,

        @Schema(description = "Above 0, at most 10, at most 3 decimals") @Digits(integer = 6, fraction = 12)
        BigDecimal multiplier,

        @Schema(description = "CAMPAIGN: fixed points added once per purchase (0 to points.rules.max-bonus-points)")
        Long bonusPoints,

        @Schema(description = "CAMPAIGN: who it is for; absent: every member") @Valid
        Audience audience,

        @Schema(description = "CAMPAIGN: most points it adds to one purchase")
        Long maxPointsPerPurchase,

        @Schema(description = "CAMPAIGN: most points it adds to one member's purchases of a day (points.zone)")
        Long maxPointsPerMemberDay,

        @Schema(description = "A change only: when the new version takes effect; now when absent, never in the past")
        Instant effectiveAt,

        @Schema(description = "A change only: why, for the audit log") @Size(max = 500)
        String reason) {

    @Schema(description = "A campaign's audience: some tiers, or one RFM segment (not both)")
    public record Audience(
            @Schema(description = "Tier codes") @Size(max = 20)
            List<@Size(max = 32) String> tiers,

            @Schema(description = "An RFM segment of metrics-service, e.g. CHAMPIONS") @Size(max = 32)
            String segment) {}

    EarningRuleService.RuleDefinition definition() {
        return new EarningRuleService.RuleDefinition(
                kind,
                name,
                validFrom,
                validTo,
                currency,
                rate,
                channel == null ? null : channel.name(),
                category,
                sku,
                multiplier,
                bonusPoints,
                audience == null ? null : audience.tiers(),
                audience == null ? null : audience.segment(),
                maxPointsPerPurchase,
                maxPointsPerMemberDay);
    }
}
