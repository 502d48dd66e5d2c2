package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.ChurnInterval;
import com.example.loyalty.metrics.domain.ChurnPeriods;
import com.example.loyalty.metrics.domain.ChurnReport;
import com.example.loyalty.metrics.repository.ChurnRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/** Churn per month or quarter from every purchase kept in {@code member_purchase} (see {@link ChurnPeriods}). */
@ApplicationScoped
public class ChurnService {

    /** Longest inactivity window accepted, in days (ten years). */
    public static final int MAX_INACTIVITY_DAYS = 3650;

    /** What a churn report covers; every field may be null (defaults: month, the last 12 months, config). */
    public record Query(
            ChurnInterval interval, LocalDate from, LocalDate to, String currency, Integer inactivityDays) {}

    private final ChurnRepository churn;
    private final MetricsConfig config;
    private final Clock clock;

    public ChurnService(ChurnRepository churn, MetricsConfig config) {
        this.churn = churn;
        this.config = config;
        this.clock = Clock.systemUTC();
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
