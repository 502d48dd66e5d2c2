package com.example.loyalty.points.service;

import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.repository.SurveyWaveRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Drops the survey answers held longer than {@code points.survey-award.hold-for} (7 days) for a wave survey-service
 * never published: they earn nothing. Every {@code points.survey-award.prune-every} (10 minutes), a chunk per
 * transaction; safe on every replica at once. Counted as
 * {@code loyalty.points.survey-responses.unawarded{reason=never-published}}: a rise means records for waves nobody
 * published reached survey-responses (forged, or survey-service's waves lost).
 */
@ApplicationScoped
public class SurveyHolds {

    static final String NEVER_PUBLISHED = "never-published";
    private static final Logger LOG = Logger.getLogger(SurveyHolds.class);
    private static final int CHUNK = 1000;

    private final SurveyWaveRepository waves;
    private final PointsConfig config;
    private final Counter pruned;

    public SurveyHolds(SurveyWaveRepository waves, PointsConfig config, MeterRegistry registry) {
        this.waves = waves;
        this.config = config;
        this.pruned = SurveyAwardService.unawarded(registry, NEVER_PUBLISHED);
    }

    @Scheduled(
            every = "${points.survey-award.prune-every:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            prune(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("pruning held survey answers failed, will try again at the next run: %s", e.toString());
        }
    }

    /** Deletes the answers held since before {@code now} minus the hold; returns how many. */
    public long prune(Instant now) {
        Instant cutoff = now.minus(config.surveyAward().holdFor());
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> waves.pruneHeld(cutoff, CHUNK));
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            pruned.increment(total);
            LOG.warnf(
                    "%d survey answers named waves survey-service did not publish within %s: dropped, no points",
                    total, config.surveyAward().holdFor());
        }
        return total;
    }
}
