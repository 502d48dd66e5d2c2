package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.ChurnInterval;
import com.example.loyalty.metrics.domain.ChurnPeriods;
import com.example.loyalty.metrics.domain.ChurnReport;
import com.example.loyalty.metrics.repository.ChurnRepository;
import com.example.loyalty.metrics.repository.PaidMembershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Churn per month or quarter from every purchase kept in {@code member_purchase} (see {@link ChurnPeriods}). */
@ApplicationScoped
public class ChurnService {

    /** Longest inactivity window accepted, in days (ten years). */
    public static final int MAX_INACTIVITY_DAYS = 3650;

    /** What a churn report covers; every field may be null (defaults: month, the last 12 months, config). */
    public record Query(
            ChurnInterval interval, LocalDate from, LocalDate to, String currency, Integer inactivityDays) {}

    private final ChurnRepository churn;
    private final PaidMembershipRepository paid;
    private final MetricsConfig config;
    private final Clock clock;

    public ChurnService(ChurnRepository churn, PaidMembershipRepository paid, MetricsConfig config) {
        this.churn = churn;
        this.paid = paid;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** One period of the paid-membership churn; {@code churnRate} null when no one paid at its start. */
    public record PaidPeriod(
            LocalDate start,
            LocalDate end,
            boolean partial,
            long payingAtStart,
            long stopped,
            long stoppedAfterCancelling,
            long cancellations,
            BigDecimal churnRate) {

        public long retained() {
            return payingAtStart - stopped;
        }
    }

    /** The paid-membership churn of every period of a range. */
    public record PaidReport(
            ZoneId zone, ChurnInterval interval, LocalDate from, LocalDate to, List<PaidPeriod> periods) {}

    /**
     * Paid-membership churn per period (docs/behaviour.md): members paying at the start of the period, those of them
     * no longer paying at its end (their paid period ended without a renewal, cancelled or not), and the rate. One
     * query per period (at most 120).
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 as {@link #report}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaidReport paidMemberships(ChurnInterval requested, LocalDate fromDay, LocalDate toDay) {
        ZoneId zone = config.behaviour().zone();
        ChurnInterval interval = requested != null ? requested : ChurnInterval.MONTH;
        LocalDate today = PurchaseCurrency.today(clock, zone);
        LocalDate to = toDay != null ? toDay : today;
        PurchaseCurrency.notAfterToday("to", to, today);
        LocalDate from = fromDay != null ? fromDay : interval.defaultFrom(to);
        if (from.isAfter(to)) {
            throw Problems.badRequest("invalid-range", "Bad request", "from (" + from + ") is after to (" + to + ")");
        }
        if (interval.periodsBetween(from, to) > ChurnPeriods.MAX_PERIODS) {
            throw Problems.badRequest(
                    "invalid-range",
                    "Bad request",
                    "from " + from + " to " + to + " has more than " + ChurnPeriods.MAX_PERIODS + " "
                            + interval.wireName() + " periods");
        }
        Instant now = clock.instant();
        List<PaidPeriod> periods = new ArrayList<>();
        for (ChurnPeriods.Span span : new ChurnPeriods(interval, from, to).spans()) {
            Instant start = span.start().atStartOfDay(zone).toInstant();
            Instant end = span.end().plusDays(1).atStartOfDay(zone).toInstant();
            if (end.isAfter(now)) {
                end = now; // the current period: who stopped so far
            }
            var counts = paid.period(start, end);
            BigDecimal rate = counts.payingAtStart() == 0
                    ? null
                    : BigDecimal.valueOf(counts.stopped())
                            .multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(counts.payingAtStart()), 2, RoundingMode.HALF_UP);
            periods.add(new PaidPeriod(
                    span.start(),
                    span.end(),
                    span.partial(),
                    counts.payingAtStart(),
                    counts.stopped(),
                    counts.stoppedAfterCancelling(),
                    counts.cancellations(),
                    rate));
        }
        return new PaidReport(zone, interval, from, to, List.copyOf(periods));
    }

    /**
     * The churn of every period of the query. One statement, no transaction needed for a read.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 if the currency is unknown, the inactivity window is
     *                                                     out of 1–3650 days, to is after today, from is after to,
     *                                                     or the range has more than 120 periods
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChurnReport report(Query query) {
        MetricsConfig.Behaviour behaviour = config.behaviour();
        ZoneId zone = behaviour.zone();
        Currency currency = PurchaseCurrency.resolve(query.currency(), behaviour.currency());
        int window = query.inactivityDays() != null ? query.inactivityDays() : behaviour.inactivityDays();
        if (window < 1 || window > MAX_INACTIVITY_DAYS) {
            throw Problems.badRequest(
                    "invalid-inactivity-days",
                    "Bad request",
                    "inactivityDays must be from 1 to " + MAX_INACTIVITY_DAYS + ", was " + window);
        }
        ChurnInterval interval = query.interval() != null ? query.interval() : ChurnInterval.MONTH;
        LocalDate today = PurchaseCurrency.today(clock, zone);
        LocalDate to = query.to() != null ? query.to() : today;
        PurchaseCurrency.notAfterToday("to", to, today);
        LocalDate from = query.from() != null ? query.from() : interval.defaultFrom(to);
        if (from.isAfter(to)) {
            throw Problems.badRequest("invalid-range", "Bad request", "from (" + from + ") is after to (" + to + ")");
        }
        if (interval.periodsBetween(from, to) > ChurnPeriods.MAX_PERIODS) {
            throw Problems.badRequest(
                    "invalid-range",
                    "Bad request",
                    "from " + from + " to " + to + " has more than " + ChurnPeriods.MAX_PERIODS + " "
                            + interval.wireName() + " periods");
        }
        ChurnPeriods periods = new ChurnPeriods(interval, from, to);
        var runs = churn.runs(currency.getCurrencyCode(), zone, periods.checkpoints(), window);
        return new ChurnReport(currency, zone, interval, from, to, window, periods.tally(runs));
    }
}
