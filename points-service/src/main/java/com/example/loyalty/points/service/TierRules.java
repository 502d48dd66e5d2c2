package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Member;
import java.time.Duration;
import java.time.Instant;

/**
 * The rules of an evaluation for one member (docs/tiers.md), pure so they can be tested without a database: upgrades
 * at once; a member below their tier is marked, and downgraded at an evaluation at least {@code graceDays} after the
 * mark, by at most {@code maxSteps} tiers; qualifying again clears the mark; an override holds the tier until its date.
 */
public final class TierRules {

    private TierRules() {}

    /** What an evaluation leaves: the tier and the below-since mark (null: none). */
    public record Decision(String tier, Instant belowSince) {}

    /** Whether an admin's override holds the member's tier at {@code now}. */
    public static boolean overridden(Member member, Instant now) {
        return overridden(member.tierOverrideUntil, now);
    }

    static boolean overridden(Instant overrideUntil, Instant now) {
        return overrideUntil != null && now.isBefore(overrideUntil);
    }

    /**
     * The outcome of evaluating a member holding {@code current} with {@code figures} in the qualification period, at
     * {@code now}.
     */
    public static Decision evaluate(
            TierLadderView ladder,
            String current,
            TierLadderView.Figures figures,
            Instant belowSince,
            Instant overrideUntil,
            Instant now) {
        TierLadderView.Step qualified = ladder.qualifyingTier(figures);
        if (overridden(overrideUntil, now)) {
            return new Decision(current, null);
        }
        TierLadderView.Step held = ladder.find(current).orElse(null);
        if (held == null || qualified.rank() >= held.rank()) {
            return new Decision(qualified.code(), null);
        }
        Instant mark = belowSince != null ? belowSince : now;
        TierLadderView.Downgrade rules = ladder.downgrade();
        if (now.isBefore(mark.plus(Duration.ofDays(rules.graceDays())))) {
            return new Decision(current, mark);
        }
        int targetRank = Math.max(qualified.rank(), held.rank() - rules.maxSteps());
        TierLadderView.Step target = ladder.steps().stream()
                .filter(s -> s.rank() <= targetRank)
                .reduce((a, b) -> b.rank() > a.rank() ? b : a)
                .orElse(qualified);
        // still above what they qualify for (maxSteps): the mark stays, the next evaluation takes them further down
        return new Decision(target.code(), target.rank() > qualified.rank() ? mark : null);
    }

    /** When a member marked at {@code belowSince} may be downgraded at the earliest. */
    public static Instant downgradeNotBefore(TierLadderView ladder, Instant belowSince) {
        return belowSince == null
                ? null
                : belowSince.plus(Duration.ofDays(ladder.downgrade().graceDays()));
    }
}
