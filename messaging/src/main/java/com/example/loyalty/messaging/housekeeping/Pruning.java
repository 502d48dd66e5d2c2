package com.example.loyalty.messaging.housekeeping;

import com.example.loyalty.common.metrics.MeterNames;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.messaging.inbox.InboxConfig;
import com.example.loyalty.messaging.outbox.OutboxConfig;
import com.example.loyalty.messaging.outbox.OutboxRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the inbox from growing without bound: deletes published outbox rows older than
 * {@code loyalty.outbox.retention} and processed-event ids older than {@code loyalty.inbox.retention}, on a schedule
 * ({@code loyalty.housekeeping.every}), a chunk per transaction. Unsent and parked outbox rows are never deleted.
 * Safe to run on every replica at once: the deletes are idempotent.
 */
@ApplicationScoped
public class Pruning {

    private static final Logger LOG = Logger.getLogger(Pruning.class);

    /** What one run deleted. */
    public record Pruned(long outboxRows, long processedEvents) {}

    private final OutboxRepository outbox;
    private final Inbox inbox;
    private final OutboxConfig outboxConfig;
    private final InboxConfig inboxConfig;
    private final HousekeepingConfig config;
    private final Counter outboxPruned;
    private final Counter inboxPruned;

    public Pruning(
            OutboxRepository outbox,
            Inbox inbox,
            OutboxConfig outboxConfig,
            InboxConfig inboxConfig,
            HousekeepingConfig config,
            MeterRegistry registry,
            MeterNames names) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.outboxConfig = outboxConfig;
        this.inboxConfig = inboxConfig;
        this.config = config;
        this.outboxPruned = Counter.builder(names.name("outbox.pruned"))
                .description("published outbox rows deleted after their retention")
                .register(registry);
        this.inboxPruned = Counter.builder(names.name("inbox.pruned"))
                .description("processed-event ids deleted after their retention")
                .register(registry);
    }

    @Scheduled(
            every = "${loyalty.housekeeping.every:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            prune(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("pruning the outbox and inbox failed, will try again at the next run: %s", e.toString());
        }
    }

    /** Deletes what is older than the retentions as of {@code now}. */
    public Pruned prune(Instant now) {
        Instant outboxCutoff = now.minus(outboxConfig.retention());
        long keepFrom = QuarkusTransaction.requiringNew().call(() -> outbox.firstSeqToKeep(outboxCutoff));
        long outboxRows = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.deletePublishedBefore(keepFrom, config.chunkSize()));
            outboxRows += deleted;
        } while (deleted == config.chunkSize());

        Instant inboxCutoff = now.minus(inboxConfig.retention());
        long processed = 0;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> inbox.deleteProcessedBefore(inboxCutoff, config.chunkSize()));
            processed += deleted;
        } while (deleted == config.chunkSize());

        outboxPruned.increment(outboxRows);
        inboxPruned.increment(processed);
        if (outboxRows + processed > 0) {
            LOG.infof(
                    "pruned %d published outbox rows (before %s) and %d processed-event ids (before %s)",
                    outboxRows, outboxCutoff, processed, inboxCutoff);
        }
        return new Pruned(outboxRows, processed);
    }
}
