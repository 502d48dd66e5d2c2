package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.domain.RewardStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reward as the API shows it. {@code counts} only for marketers and admins; {@code forMember} only for a member.
 * Without both, it is the snapshot the audit log keeps.
 */
public record RewardView(
        UUID id,
        String name,
        String description,
        RewardKind kind,
        long pointsPrice,
        Long stock,
        List<String> eligibleTiers,
        Instant validFrom,
        Instant validTo,
        Integer perMemberLimit,
        RewardStatus status,
        UUID causeId,
        boolean openAmount,
        Instant createdAt,
        Instant updatedAt,
        Counts counts,
        ForMember forMember) {

    /** Redemptions of the reward by status. */
    public record Counts(long issued, long fulfilled, long voided, long donated) {}

    /** What the reward is to one member: whether they can redeem it now, or why not, and how many they hold. */
    public record ForMember(boolean redeemable, String unavailableReason, long held) {}

    static RewardView of(Reward r) {
        return of(r, null, null);
    }

    static RewardView of(Reward r, Counts counts, ForMember forMember) {
        return new RewardView(
                r.id,
                r.name,
                r.description,
                r.kind,
                r.pointsPrice,
                r.stock,
                r.eligibleTiers == null ? List.of() : List.of(r.eligibleTiers),
                r.validFrom,
                r.validTo,
                r.perMemberLimit,
                r.status,
                r.causeId,
                r.openAmount,
                r.createdAt,
                r.updatedAt,
                counts,
                forMember);
    }

    /** The same reward without the time of its last change, to tell whether a change changed anything. */
    RewardView content() {
        return new RewardView(
                id,
                name,
                description,
                kind,
                pointsPrice,
                stock,
                eligibleTiers,
                validFrom,
                validTo,
                perMemberLimit,
                status,
                causeId,
                openAmount,
                createdAt,
                null,
                counts,
                forMember);
    }
}
