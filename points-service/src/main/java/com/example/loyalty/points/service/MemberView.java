package com.example.loyalty.points.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A member as the API shows them, with what the tier rules say about them now: spend in the rolling window, current
 * tier and what the next one needs. The balance is {@code available + pending} (pending: a purchase's points during
 * its return window); {@code debt} is what the member owes (points reversed after they were spent).
 */
public record MemberView(
        UUID id,
        String externalId,
        String cardCode,
        String displayName,
        String email,
        boolean emailVerified,
        String phone,
        boolean phoneVerified,
        long balance,
        long available,
        long pending,
        long debt,
        TierLadderView.Step tier,
        long rollingSpend,
        int windowMonths,
        Optional<TierLadderView.Step> nextTier,
        Instant enrolledAt,
        LocalDate birthday) {

    public long spendToNextTier() {
        return nextTier.map(n -> Math.max(0, n.thresholdSpend() - rollingSpend)).orElse(0L);
    }
}
