package com.example.loyalty.metrics.service;

import com.example.loyalty.metrics.domain.MemberActivity;
import java.time.Instant;
import java.util.UUID;

/** A member's purchase behaviour as the API shows it, detached from the managed {@link MemberActivity}. */
public record MemberActivityView(
        UUID memberId,
        long purchaseCount,
        long totalSpend,
        String currency,
        Instant lastPurchaseAt,
        long pointsEarned,
        String tier,
        Instant updatedAt) {

    static MemberActivityView of(MemberActivity a) {
        return new MemberActivityView(
                a.memberId,
                a.purchaseCount,
                a.totalSpend,
                a.currency,
                a.lastPurchaseAt,
                a.pointsEarned,
                a.tier,
                a.updatedAt);
    }
}
