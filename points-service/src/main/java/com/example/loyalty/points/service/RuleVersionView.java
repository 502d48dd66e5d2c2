package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.EarningRuleVersion;
import com.example.loyalty.points.domain.RuleKind;
import com.example.loyalty.points.domain.RuleState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One version of an earning rule, as the engine and the cache hold it (never an entity).
 *
 * @param ruleCreatedAt when the rule was created: among rules of one kind and key in force together, the newest wins
 * @param audienceTiers tier codes a campaign is for; empty: every tier
 */
public record RuleVersionView(
        UUID ruleId,
        int version,
        RuleKind kind,
        String name,
        RuleState state,
        Instant ruleCreatedAt,
        Instant effectiveFrom,
        Instant effectiveTo,
        Instant validFrom,
        Instant validTo,
        String currency,
        Integer rate,
        String channel,
        String category,
        String sku,
        BigDecimal multiplier,
        Long bonusPoints,
        Set<String> audienceTiers,
        String audienceSegment,
        Long maxPointsPerPurchase,
        Long maxPointsPerMemberDay,
        Instant createdAt,
        String createdBy) {

    public RuleVersionView {
        audienceTiers = audienceTiers == null ? Set.of() : Set.copyOf(audienceTiers);
    }

    static RuleVersionView of(EarningRuleVersion v, Instant ruleCreatedAt, RuleKind kind) {
        return new RuleVersionView(
                v.ruleId,
                v.version,
                kind,
                v.name,
                v.state,
                ruleCreatedAt,
                v.effectiveFrom,
                v.effectiveTo,
                v.validFrom,
                v.validTo,
                v.currency,
                v.rate,
                v.channel,
                v.category,
                v.sku,
                v.multiplier,
                v.bonusPoints,
                tiers(v.audienceTiers),
                v.audienceSegment,
                v.maxPointsPerPurchase,
                v.maxPointsPerMemberDay,
                v.createdAt,
                v.createdBy);
    }

    static Set<String> tiers(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    /** True when this is the version of its rule at {@code t} (whatever its state and window). */
    public boolean inForceAt(Instant t) {
        return !effectiveFrom.isAfter(t) && (effectiveTo == null || t.isBefore(effectiveTo));
    }

    /** True when it was cancelled before it was ever in force (a later change was made before it started). */
    public boolean cancelled() {
        return effectiveTo != null && effectiveTo.equals(effectiveFrom);
    }

    /** True when it applies to a purchase at {@code t}: in force, active and inside its window. */
    public boolean appliesAt(Instant t) {
        return state == RuleState.ACTIVE
                && inForceAt(t)
                && !validFrom.isAfter(t)
                && (validTo == null || t.isBefore(validTo));
    }
}
