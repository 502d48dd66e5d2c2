package com.example.loyalty.points.service;

import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The points the program owes its members: gauges {@code loyalty.points.outstanding} (the sum of all balances) and
 * {@code loyalty.points.debt.outstanding} (the sum of all debts). Summing every member on each scrape would cost a scan
 * of the member table every 30 seconds per replica; the sums are read every {@code points.metrics.outstanding-refresh}
 * ({@link com.example.loyalty.points.config.PointsConfig.Metrics}: 5 minutes by default; {@code off} disables it) and
 * the gauges show the last reading (NaN before the first). Every replica reads and reports the same totals: a
 * dashboard takes their max, not their sum.
 */
@Startup // the gauges are there from the first scrape
@ApplicationScoped
public class OutstandingPoints {

    private static final Logger LOG = Logger.getLogger(OutstandingPoints.class);

    private final MemberRepository members;
    private volatile double balance = Double.NaN;
    private volatile double debt = Double.NaN;

    public OutstandingPoints(MemberRepository members, MeterRegistry registry) {
        this.members = members;
        Gauge.builder("loyalty.points.outstanding", this, p -> p.balance)
                .description("points held by all members together (the program's liability), as last read")
                .register(registry);
        Gauge.builder("loyalty.points.debt.outstanding", this, p -> p.debt)
                .description("points owed by members (reversals beyond their balance), as last read")
                .register(registry);
    }

    @Scheduled(
            identity = "points-outstanding",
            every = "${points.metrics.outstanding-refresh:5m}",
            delayed = "${points.metrics.outstanding-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("could not read the outstanding points, the gauges keep their last reading: %s", e.toString());
        }
    }

    /** Reads the totals now. */
    public MemberRepository.Totals refresh() {
        MemberRepository.Totals totals = QuarkusTransaction.requiringNew().call(members::totals);
        balance = totals.balance();
        debt = totals.debt();
        return totals;
    }
}
