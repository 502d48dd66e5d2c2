package com.example.loyalty.metrics.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The daily RFM recompute: as of yesterday (the last whole day in the behaviour zone), for the program's currency and
 * every currency recomputed before, each in its own transaction. When it runs is
 * {@code metrics.behaviour.rfm-recompute-cron} (a Quartz cron in the behaviour zone; {@code off} disables it).
 */
@ApplicationScoped
public class RfmSchedule {

    private static final Logger LOG = Logger.getLogger(RfmSchedule.class);

    private final RfmService rfm;

    public RfmSchedule(RfmService rfm) {
        this.rfm = rfm;
    }

    @Scheduled(
            identity = "rfm-daily-recompute",
            cron = "${metrics.behaviour.rfm-recompute-cron:0 30 2 * * ?}",
            timeZone = "${metrics.behaviour.zone:Asia/Tokyo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        recomputeYesterday();
    }

    /**
     * Recomputes every scheduled currency as of yesterday; a currency that fails is logged and the others still run.
     *
     * @return the currencies recomputed
     */
    public List<String> recomputeYesterday() {
        LocalDate yesterday = rfm.today().minusDays(1);
        List<String> done = new ArrayList<>();
        for (String currency : rfm.scheduledCurrencies()) {
            try {
                rfm.recompute(currency, yesterday, "schedule");
                done.add(currency);
            } catch (RuntimeException e) {
                LOG.errorf(
                        e, "daily RFM recompute of %s as of %s failed; the next run tries again", currency, yesterday);
            }
        }
        return done;
    }
}
