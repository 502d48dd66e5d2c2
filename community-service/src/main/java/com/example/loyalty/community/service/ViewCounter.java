package com.example.loyalty.community.service;

import com.example.loyalty.community.config.CommunityConfig;
import com.example.loyalty.community.repository.ViewRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Folds new unique views into the posts' view counts every {@code community.views.fold-every} (2 s by default).
 * Reading a post only inserts a row of its own (content_view, on conflict nothing), so readers never contend on
 * the post's row; the count shown is at most a few seconds behind. Several instances fold safely side by side.
 */
@ApplicationScoped
public class ViewCounter {

    private static final Logger LOG = Logger.getLogger(ViewCounter.class);

    private final ViewRepository views;
    private final CommunityConfig config;
    private final MeterRegistry registry;

    public ViewCounter(ViewRepository views, CommunityConfig config, MeterRegistry registry) {
        this.views = views;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(
            identity = "community-view-fold",
            every = "${community.views.fold-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        try {
            foldAll();
        } catch (RuntimeException e) {
            LOG.warnf("folding views failed, next run retries: %s", e.toString());
        }
    }

    /** Folds until no pending view is left; returns how many views were added. */
    public long foldAll() {
        long total = 0;
        int batch = config.views().foldBatch();
        while (true) {
            long folded = foldOnce(batch);
            total += folded;
            if (folded < batch) {
                return total;
            }
        }
    }

    private long foldOnce(int batch) {
        List<ViewRepository.Folded> folded = QuarkusTransaction.requiringNew().call(() -> views.foldPending(batch));
        long n = folded.stream().mapToLong(ViewRepository.Folded::views).sum();
        if (n > 0) {
            registry.counter("loyalty.community.views.folded").increment(n);
        }
        return n;
    }
}
