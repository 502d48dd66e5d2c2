package com.example.loyalty.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The period math of churn. A member is <em>active at</em> the start of day {@code t} if they made a purchase on one
 * of the {@code W} days before it (days {@code t-W} to {@code t-1}, calendar days in the behaviour zone; W = the
 * inactivity window). For a period from day {@code s} to day {@code e} (both included):
 *
 * <ul>
 *   <li>active at start = active at the start of day {@code s};
 *   <li>stopped = active at start and not active at the end of the period (the start of day {@code e+1}): no purchase
 *       on the W days up to and including {@code e}. A member who lapses during the period but buys again, so that a
 *       purchase falls in those last W days, has not stopped;
 *   <li>churn rate = stopped / active at start × 100 (none when no one is active at start).
 * </ul>
 *
 * <p>The periods of a range are contiguous, so the end of one is the start of the next: the range is described by its
 * <em>checkpoints</em> {@code t0 < t1 < ... < tn}, the start days of the n periods and the day after the last. Every
 * purchase on day {@code p} makes its member active at the checkpoints from day {@code p+1} to {@code p+W}: a range
 * of checkpoint indexes. A member's activity over the range is the union of these ranges; each maximal run
 * {@code [lo, hi]} of checkpoints makes the member active at the start of periods {@code lo} to
 * {@code min(hi, n-1)}, and stopped in period {@code hi} if {@code hi < n}. The database reports how many runs start
 * at each index and end at each index ({@link #tally}).
 */
public final class ChurnPeriods {

    /** Periods per request at most; longer ranges are refused. */
    public static final int MAX_PERIODS = 120;

    private final ChurnInterval interval;
    private final LocalDate from;
    private final LocalDate to;
    private final List<Span> spans;

    /** One period: first and last day (within the range), and whether the range cut it short. */
    public record Span(LocalDate start, LocalDate end, boolean partial) {}

    /** One period's counts; {@code churnRate} is null when no member was active at its start. */
    public record Period(LocalDate start, LocalDate end, boolean partial, long activeAtStart, long stopped) {

        public long retained() {
            return activeAtStart - stopped;
        }

        /** stopped / active at start × 100, two decimals rounded half up; null when no one was active. */
        public BigDecimal churnRate() {
            if (activeAtStart == 0) {
                return null;
            }
            return BigDecimal.valueOf(stopped)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(activeAtStart), 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * How many runs of activity start and end at a checkpoint index.
     *
     * @param index   checkpoint index, 0 to n
     * @param starts  runs whose first checkpoint is {@code index}
     * @param ends    runs whose last checkpoint is {@code index}
     */
    public record RunCount(int index, long starts, long ends) {}

    /** The periods of {@code interval} touching {@code from} to {@code to} (both included), cut to that range. */
    public ChurnPeriods(ChurnInterval interval, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        this.interval = interval;
        this.from = from;
        this.to = to;
        List<Span> list = new ArrayList<>();
        for (LocalDate start = interval.start(from); !start.isAfter(to); start = interval.next(start)) {
            LocalDate end = interval.next(start).minusDays(1);
            boolean partial = start.isBefore(from) || end.isAfter(to);
            list.add(new Span(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, partial));
        }
        this.spans = List.copyOf(list);
    }

    public ChurnInterval interval() {
        return interval;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public List<Span> spans() {
        return spans;
    }

    /** The n+1 checkpoints: the first day of each period, then the day after the last. Ascending. */
    public List<LocalDate> checkpoints() {
        List<LocalDate> points = new ArrayList<>(spans.size() + 1);
        for (Span s : spans) {
            points.add(s.start());
        }
        points.add(to.plusDays(1));
        return points;
    }

    /** First day whose purchases can make a member active at a checkpoint: {@code W} days before {@code from}. */
    public LocalDate firstRelevantDay(int inactivityDays) {
        return from.minusDays(inactivityDays);
    }

    /** The counts of every period from the runs of activity (see the class comment); indexes outside 0..n ignored. */
    public List<Period> tally(List<RunCount> runs) {
        int n = spans.size();
        long[] diff = new long[n + 2];
        long[] stopped = new long[n];
        for (RunCount r : runs) {
            int i = r.index();
            if (i < 0 || i > n) {
                continue;
            }
            diff[i] += r.starts();
            diff[i + 1] -= r.ends();
            if (i < n) {
                stopped[i] += r.ends();
            }
        }
        List<Period> periods = new ArrayList<>(n);
        long active = 0;
        for (int i = 0; i < n; i++) {
            active += diff[i];
            Span s = spans.get(i);
            periods.add(new Period(s.start(), s.end(), s.partial(), active, stopped[i]));
        }
        return periods;
    }
}
