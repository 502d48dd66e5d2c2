package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Member;

import java.util.Optional;

/**
 * A member with what the tier rules say about them now: spend in the rolling window, current tier and what
 * the next one needs.
 */
public record MemberView(Member member, TierLadderView.Step tier, long rollingSpend, int windowMonths,
        Optional<TierLadderView.Step> nextTier) {

    public long spendToNextTier() {
        return nextTier.map(n -> Math.max(0, n.thresholdSpend() - rollingSpend)).orElse(0L);
    }
}
