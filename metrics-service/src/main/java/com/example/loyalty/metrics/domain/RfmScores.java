package com.example.loyalty.metrics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * How RFM scores are given: by quintile across the members scored, 5 best, equal values equal scores.
 * <p>
 * The rule, for one measure: order the members from worst to best (recency: most days first; frequency and
 * monetary: smallest first); a member's rank {@code k} is the number of members whose value is as good or worse than
 * his (so equal values share the highest rank of their group), and his score is {@code ceil(5 k / n)} over the
 * {@code n} members ranked; this is {@code ceil(5 * cume_dist())} computed in integers, without rounding errors.
 * <ul>
 * <li>Recency ranks every member scored.
 * <li>Frequency and monetary rank only the members with at least one purchase in the window; a member without any
 * (frequency 0, monetary 0) scores 1 for both and does not push the others' scores up.
 * <li>Who is scored: the members with at least one purchase in the currency up to the end of the as-of day; a member
 * whose purchases all come after it does not exist yet as of that day.
 * </ul>
 * The recompute does this in one SQL statement ({@code RfmRepository}); {@link #scoreAll} is the same rule in Java, its
 * executable specification, against which tests check the statement.
 */
public final class RfmScores {

    /** What a member's scores are computed from. */
    public record Measures(UUID memberId, long recencyDays, long frequency, long monetary) {}

    /** A member's measures, scores and segment. */
    public record Scored(Measures measures, int r, int f, int m, Segment segment) {}

    private RfmScores() {}

    /**
     * The score of a member of rank {@code k} (1–n, members as good or worse, him included) among {@code n}:
     * {@code ceil(5 k / n)}, 1–5.
     */
    public static int quintile(long k, long n) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("rank " + k + " of " + n);
        }
        return (int) ((5 * k + n - 1) / n);
    }

    /** Scores every member of {@code population} by the rule above, in the order given. */
    public static List<Scored> scoreAll(List<Measures> population) {
        List<Measures> active =
                population.stream().filter(p -> p.frequency() > 0).toList();
        List<Scored> scored = new ArrayList<>(population.size());
        for (Measures p : population) {
            int r = score(population, p, Measures::recencyDays, true);
            int f = p.frequency() == 0 ? 1 : score(active, p, Measures::frequency, false);
            int m = p.frequency() == 0 ? 1 : score(active, p, Measures::monetary, false);
            scored.add(new Scored(p, r, f, m, Segment.of(r, f, m)));
        }
        return scored;
    }

    /** The quintile of {@code p} in {@code ranked}; {@code fewerIsBetter} for recency. */
    private static int score(List<Measures> ranked, Measures p, ToLongFunction<Measures> value, boolean fewerIsBetter) {
        long own = value.applyAsLong(p);
        Comparator<Long> worstFirst = fewerIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        long k = ranked.stream()
                .filter(o -> worstFirst.compare(value.applyAsLong(o), own) <= 0)
                .count();
        return quintile(k, ranked.size());
    }
}
