package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Tier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of the tier ladder (lowest rank first) with the rules that read it: which tier a
 * spend qualifies for and what the next tier needs.
 */
public record TierLadderView(int windowMonths, long version, List<Step> steps) {

    public record Step(String code, String name, int rank, long thresholdSpend, java.math.BigDecimal multiplier) {
        static Step of(Tier tier) {
            return new Step(tier.code, tier.name, tier.rank, tier.thresholdSpend, tier.multiplier);
        }
    }

    public static TierLadderView of(int windowMonths, long version, List<Tier> tiers) {
        return new TierLadderView(
                windowMonths,
                version,
                tiers.stream()
                        .map(Step::of)
                        .sorted(Comparator.comparingInt(Step::rank))
                        .toList());
    }

    public Step step(String code) {
        return steps.stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("tier " + code + " is not on the ladder"));
    }

    /** The highest tier whose threshold the spend reaches. */
    public Step qualifyingTier(long spend) {
        Step best = steps.get(0);
        for (Step s : steps) {
            if (spend >= s.thresholdSpend() && s.rank() >= best.rank()) {
                best = s;
            }
        }
        return best;
    }

    /** The tier above {@code current}, if any. */
    public Optional<Step> next(String current) {
        int rank = step(current).rank();
        return steps.stream().filter(s -> s.rank() > rank).min(Comparator.comparingInt(Step::rank));
    }

    /** Start of the rolling qualification window that ends at {@code end}. */
    public Instant windowStart(Instant end) {
        return end.atZone(ZoneOffset.UTC).minusMonths(windowMonths).toInstant();
    }
}
