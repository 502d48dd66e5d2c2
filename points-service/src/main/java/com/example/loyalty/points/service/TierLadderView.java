package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of the tier ladder (lowest rank first) with the rules that read it: which tier a member's
 * figures (spend, purchases, points in the qualification period) qualify for, what the next tier needs, and the
 * period itself (docs/tiers.md).
 */
public record TierLadderView(int windowMonths, long version, List<Step> steps, Period period, Downgrade downgrade) {

    /** A ladder qualifying over a rolling window of {@code windowMonths}, with the default downgrade rules. */
    public TierLadderView(int windowMonths, long version, List<Step> steps) {
        this(windowMonths, version, steps, Period.rolling(windowMonths), Downgrade.DEFAULT);
    }

    /** How a tier's thresholds combine: ANY one reached is enough, or ALL of those above 0 must be reached. */
    public enum QualifyBy {
        ANY,
        ALL
    }

    public enum PeriodKind {
        ROLLING,
        CALENDAR_YEAR,
        FISCAL_YEAR
    }

    /**
     * The qualification period: the rolling window of {@code months} (month arithmetic in UTC, as always), or the
     * current calendar or fiscal year (from {@code startMonth}) in {@code zone}.
     */
    public record Period(PeriodKind kind, int months, int startMonth, ZoneId zone) {
        public static Period rolling(int months) {
            return new Period(PeriodKind.ROLLING, months, 1, ZoneOffset.UTC);
        }

        /** What the running figures on a member row were computed for, beside window_months; null for rolling. */
        public String basis() {
            return switch (kind) {
                case ROLLING -> null;
                case CALENDAR_YEAR -> "CALENDAR_YEAR:" + zone.getId();
                case FISCAL_YEAR -> "FISCAL_YEAR:" + startMonth + ":" + zone.getId();
            };
        }

        /** Start (inclusive) of the calendar or fiscal year holding {@code t}. */
        Instant yearStart(Instant t) {
            LocalDate d = t.atZone(zone).toLocalDate();
            int start = kind == PeriodKind.FISCAL_YEAR ? startMonth : 1;
            LocalDate first = LocalDate.of(d.getYear(), start, 1);
            if (d.isBefore(first)) {
                first = first.minusYears(1);
            }
            return first.atStartOfDay(zone).toInstant();
        }
    }

    /** Downgrade rules: not before {@code graceDays} after the mark, at most {@code maxSteps} tiers at a time. */
    public record Downgrade(int graceDays, int maxSteps) {
        public static final Downgrade DEFAULT = new Downgrade(30, 1);
    }

    /** What counts toward qualification, in the period: spend (net of returns), purchases and points earned. */
    public record Figures(long spend, long purchases, long points) {}

    public record Step(
            String code,
            String name,
            int rank,
            long thresholdSpend,
            BigDecimal multiplier,
            long minPurchases,
            long minPoints,
            QualifyBy qualifyBy) {

        /** A tier qualifying by spend only. */
        public Step(String code, String name, int rank, long thresholdSpend, BigDecimal multiplier) {
            this(code, name, rank, thresholdSpend, multiplier, 0, 0, QualifyBy.ANY);
        }

        static Step of(Tier tier) {
            return new Step(
                    tier.code,
                    tier.name,
                    tier.rank,
                    tier.thresholdSpend,
                    tier.multiplier,
                    tier.minPurchases,
                    tier.minPoints,
                    QualifyBy.valueOf(tier.qualifyBy));
        }

        /** Whether the tier has any threshold at all (the first tier has none). */
        public boolean hasThreshold() {
            return thresholdSpend > 0 || minPurchases > 0 || minPoints > 0;
        }

        /** Whether {@code f} qualifies for this tier. A tier without thresholds qualifies everyone. */
        public boolean qualifies(Figures f) {
            if (!hasThreshold()) {
                return true;
            }
            boolean any = false;
            boolean all = true;
            if (thresholdSpend > 0) {
                boolean ok = f.spend() >= thresholdSpend;
                any |= ok;
                all &= ok;
            }
            if (minPurchases > 0) {
                boolean ok = f.purchases() >= minPurchases;
                any |= ok;
                all &= ok;
            }
            if (minPoints > 0) {
                boolean ok = f.points() >= minPoints;
                any |= ok;
                all &= ok;
            }
            return qualifyBy == QualifyBy.ALL ? all : any;
        }

        /** What {@code f} lacks of each threshold (0 where reached or not required). */
        public Figures missing(Figures f) {
            return new Figures(
                    Math.max(0, thresholdSpend - f.spend()),
                    Math.max(0, minPurchases - f.purchases()),
                    Math.max(0, minPoints - f.points()));
        }
    }

    public static TierLadderView of(int windowMonths, long version, List<Tier> tiers) {
        return of(windowMonths, version, tiers, Period.rolling(windowMonths), Downgrade.DEFAULT);
    }

    public static TierLadderView of(
            int windowMonths, long version, List<Tier> tiers, Period period, Downgrade downgrade) {
        return new TierLadderView(
                windowMonths,
                version,
                tiers.stream()
                        .map(Step::of)
                        .sorted(Comparator.comparingInt(Step::rank))
                        .toList(),
                period,
                downgrade);
    }

    public Step step(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("tier " + code + " is not on the ladder"));
    }

    public Optional<Step> find(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The highest tier whose threshold the spend reaches (spend only: purchases and points taken as 0). */
    public Step qualifyingTier(long spend) {
        return qualifyingTier(new Figures(spend, 0, 0));
    }

    /** The highest tier the figures qualify for. */
    public Step qualifyingTier(Figures figures) {
        Step best = steps.get(0);
        for (Step s : steps) {
            if (s.rank() >= best.rank() && s.qualifies(figures)) {
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

    /**
     * The exclusive start of the qualification period that holds {@code end}: a purchase counts when it happened after
     * it. Rolling: {@code windowMonths} months before (UTC). Calendar or fiscal year: a microsecond (the database's
     * resolution) before the year began.
     */
    public Instant windowStart(Instant end) {
        if (period.kind() == PeriodKind.ROLLING) {
            return end.atZone(ZoneOffset.UTC).minusMonths(windowMonths).toInstant();
        }
        return period.yearStart(end).minusNanos(1_000);
    }

    /** The earliest instant at which a purchase made at {@code occurredAt} may stop counting. */
    public Instant countsUntil(Instant occurredAt) {
        if (period.kind() == PeriodKind.ROLLING) {
            return occurredAt.atZone(ZoneOffset.UTC).plusMonths(windowMonths).toInstant();
        }
        return period.yearStart(occurredAt).atZone(period.zone()).plusYears(1).toInstant();
    }
}
