package com.example.loyalty.points.rest;

import com.example.loyalty.points.domain.RuleKind;
import com.example.loyalty.points.domain.RuleState;
import com.example.loyalty.points.service.EarningRuleService;
import com.example.loyalty.points.service.RuleVersionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An earning rule")
public record RuleResponse(
        UUID id,
        RuleKind kind,

        @Schema(description = "The name of its latest version")
        String name,

        @Schema(description = "Now: SCHEDULED, ACTIVE, PAUSED or ENDED (ended, or its window closed)")
        EarningRuleService.Status status,

        Instant createdAt,
        String createdBy,

        @Schema(description = "The version in force now (the latest when none is)")
        Version current,

        @Schema(description = "Every version, oldest first (GET /rules/{id} only)")
        List<Version> versions) {

    @Schema(description = "A version of an earning rule; immutable once written, except when it stops being in force")
    public record Version(
            int version,

            @Schema(description = "ACTIVE, PAUSED or ENDED while in force")
            RuleState state,

            @Schema(description = "In force from") Instant effectiveFrom,

            @Schema(
                    description = "In force until (exclusive); null: until a later change; equal to effectiveFrom: "
                            + "cancelled before it was ever in force")
            Instant effectiveTo,

            Instant validFrom,
            Instant validTo,
            String name,
            String currency,
            Integer rate,
            String channel,
            String category,
            String sku,
            BigDecimal multiplier,
            Long bonusPoints,
            RuleRequest.Audience audience,
            Long maxPointsPerPurchase,
            Long maxPointsPerMemberDay,
            Instant createdAt,
            String createdBy) {

        static Version of(RuleVersionView v) {
            RuleRequest.Audience audience = v.audienceTiers().isEmpty() && v.audienceSegment() == null
                    ? null
                    : new RuleRequest.Audience(
                            v.audienceTiers().isEmpty()
                                    ? null
                                    : v.audienceTiers().stream().sorted().toList(),
                            v.audienceSegment());
            return new Version(
                    v.version(),
                    v.state(),
                    v.effectiveFrom(),
                    v.effectiveTo(),
                    v.validFrom(),
                    v.validTo(),
                    v.name(),
                    v.currency(),
                    v.rate(),
                    v.channel(),
                    v.category(),
                    v.sku(),
                    v.multiplier(),
                    v.bonusPoints(),
                    audience,
                    v.maxPointsPerPurchase(),
                    v.maxPointsPerMemberDay(),
                    v.createdAt(),
                    v.createdBy());
        }
    }

    static RuleResponse from(EarningRuleService.RuleView r) {
        return new RuleResponse(
                r.id(),
                r.kind(),
                r.name(),
                r.status(),
                r.createdAt(),
                r.createdBy(),
                Version.of(r.current()),
                r.versions() == null
                        ? null
                        : r.versions().stream().map(Version::of).toList());
    }
}
