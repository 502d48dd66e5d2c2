package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.repository.TierEvaluationRepository;
import com.example.loyalty.points.repository.TierEvaluationRepository.Change;
import com.example.loyalty.points.repository.TierEvaluationRepository.MemberFigures;
import com.example.loyalty.points.repository.TierRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Batch evaluations of every member's tier (docs/tiers.md): after a ladder change, on a schedule, or started by a
 * marketer.
 * <ul>
 * <li><b>Never blocks the till</b>: members go in batches of {@code points.tiers.evaluation.batch-size} by id, each
 * batch a short transaction of its own: lock the batch's members in id order, recompute in one statement the running
 * figures that are not right for the period, decide each member by {@link TierRules}, write the changes in one
 * statement, a {@code TierChanged} event per changed tier through the outbox, and move the cursor and counts. A
 * purchase waits at most for one batch, and one committed meanwhile is counted by its own running figure, never twice.
 * </li>
 * <li><b>Resumable</b>: the cursor lives in the evaluation's row and moves with the batch, so a run that stopped goes on
 * from there; an instance looks every {@code resume-every} for a running evaluation whose last batch is older than
 * {@code stale-after} and takes it over.</li>
 * <li><b>One at a time</b>: a ladder change supersedes a running evaluation (the new one re-evaluates everyone under
 * the new ladder); a scheduled or manual start while one runs answers the running one.</li>
 * </ul>
 */
@ApplicationScoped
public class TierEvaluations {

    private static final Logger LOG = Logger.getLogger(TierEvaluations.class);
    private static final int ATTEMPTS = 3;

    public enum Trigger {
        LADDER_CHANGE,
        SCHEDULE,
        MANUAL
    }

    private final TierEvaluationRepository rows;
    private final TierRepository tiers;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditLog audit;
    private final Counter changed;
    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tier-evaluation");
        t.setDaemon(true);
        return t;
    });

    public TierEvaluations(
            TierEvaluationRepository rows,
            TierRepository tiers,
            OutboxWriter outbox,
            PointsConfig config,
            TransactionSynchronizationRegistry transactions,
            AuditLog audit,
            MeterRegistry registry) {
        this.audit = audit;
        this.rows = rows;
        this.tiers = tiers;
        this.outbox = outbox;
        this.config = config;
        this.transactions = transactions;
        this.changed = Counter.builder("loyalty.tiers.evaluation.changed")
                .description("members whose tier an evaluation changed")
                .register(registry);
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /**
     * Starts an evaluation in the caller's transaction (superseding a running one); it runs in the background once
     * the transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID start(Trigger trigger, long ladderVersion, String startedBy) {
        Instant now = Instant.now();
        rows.supersedeRunning(now);
        UUID id = UUID.randomUUID();
        rows.insert(id, trigger.name(), ladderVersion, rows.countLiveMembers(), startedBy, now);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    submit(id);
                }
            }
        });
        return id;
    }

    /** What {@link #startUnlessRunning} did: the evaluation's id, and whether it started now. */
    public record Started(UUID id, boolean started) {}

    /** Starts an evaluation unless one is running and alive (then answers that one). */
    @Transactional
    public Started startUnlessRunning(Trigger trigger, String startedBy) {
        var settings = tiers.lockSettings(); // serialises with ladder changes and other starts
        Optional<TierEvaluationRepository.Row> running = rows.running();
        Instant live = Instant.now().minus(config.tiers().evaluation().staleAfter());
        if (running.isPresent() && running.get().heartbeatAt().isAfter(live)) {
            return new Started(running.get().id(), false);
        }
        // none, or one nobody works on (its instance gone, resuming off): a new one supersedes it
        return new Started(start(trigger, settings.version, startedBy), true);
    }

    /** A marketer or admin starts an evaluation of every member (unless one runs); audited when it starts. */
    @Transactional
    public Started startManually(String by) {
        Started s = startUnlessRunning(Trigger.MANUAL, by);
        if (s.started()) {
            audit.record(
                    by,
                    com.example.loyalty.points.domain.AuditAction.TIER_EVALUATION_STARTED,
                    com.example.loyalty.points.domain.AuditTarget.TIER_EVALUATION,
                    s.id().toString(),
                    null,
                    s,
                    null);
        }
        return s;
    }

    public Optional<TierEvaluationRepository.Row> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> rows.find(id));
    }

    @Scheduled(
            identity = "tier-evaluation",
            cron = "${points.tiers.evaluation.schedule:0 0 3 1 * ?}",
            timeZone = "${points.zone:Asia/Tokyo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Started s = startUnlessRunning(Trigger.SCHEDULE, "scheduler");
        LOG.infof("scheduled tier evaluation %s %s", s.id(), s.started() ? "started" : "already running");
    }

    @Scheduled(
            identity = "tier-evaluation-resume",
            every = "${points.tiers.evaluation.resume-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeScheduled() {
        resumeAbandoned();
    }

    /** Takes over and finishes the running evaluations nobody works on (their last batch is too old); how many. */
    public int resumeAbandoned() {
        Instant now = Instant.now();
        Instant before = now.minus(config.tiers().evaluation().staleAfter());
        List<UUID> abandoned = QuarkusTransaction.requiringNew().call(() -> rows.abandoned(before));
        int resumed = 0;
        for (UUID id : abandoned) {
            if (runningHere.contains(id)) {
                continue;
            }
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> rows.claim(id, before, Instant.now()));
            if (claimed) {
                LOG.infof("resuming tier evaluation %s", id);
                run(id);
                resumed++;
            }
        }
        return resumed;
    }

    private void submit(UUID id) {
        try {
            executor.submit(() -> run(id));
        } catch (RuntimeException e) {
            // shutting down: the next instance resumes it
            LOG.warnf("tier evaluation %s not started here (%s); it will be resumed", id, e.getMessage());
        }
    }

    private enum Outcome {
        MORE,
        DONE,
        STOPPED
    }

    /** Runs an evaluation from its cursor to the end (or until it is superseded), batch by batch. */
    public void run(UUID id) {
        if (!runningHere.add(id)) {
            return;
        }
        try {
            int failures = 0;
            while (true) {
                Outcome outcome;
                try {
                    outcome = QuarkusTransaction.requiringNew().call(() -> batch(id));
                    failures = 0;
                } catch (RuntimeException e) {
                    // a deadlock with a merge, a lost connection: the batch rolled back whole; try it again
                    if (++failures >= ATTEMPTS) {
                        LOG.errorf(e, "tier evaluation %s failed", id);
                        String error = String.valueOf(e.getMessage());
                        QuarkusTransaction.requiringNew().run(() -> rows.finish(id, "FAILED", error, Instant.now()));
                        return;
                    }
                    LOG.warnf("tier evaluation %s: batch failed (%s), trying again", id, e.getMessage());
                    continue;
                }
                if (outcome != Outcome.MORE) {
                    return;
                }
            }
        } finally {
            runningHere.remove(id);
        }
    }

    /** One batch, in the caller's (new) transaction. */
    Outcome batch(UUID id) {
        Optional<TierEvaluationRepository.Row> row = rows.lock(id);
        if (row.isEmpty() || !"RUNNING".equals(row.get().status())) {
            return Outcome.STOPPED;
        }
        Instant now = Instant.now();
        TierLadderView ladder = TierService.view(tiers.settings(), tiers.ladder(), config.zone());
        List<UUID> ids =
                rows.lockBatch(row.get().cursor(), config.tiers().evaluation().batchSize());
        if (ids.isEmpty()) {
            rows.finish(id, "DONE", null, now);
            return Outcome.DONE;
        }
        rows.refreshFigures(ids, window(ladder, now), now);
        List<Change> changes = new ArrayList<>();
        int upgraded = 0;
        int downgraded = 0;
        for (MemberFigures m : rows.figures(ids)) {
            TierLadderView.Figures f = new TierLadderView.Figures(m.spend(), m.purchases(), m.points());
            TierRules.Decision d = TierRules.evaluate(ladder, m.tier(), f, m.belowSince(), m.overrideUntil(), now);
            boolean tierChanged = !d.tier().equals(m.tier());
            if (tierChanged || !java.util.Objects.equals(d.belowSince(), m.belowSince())) {
                changes.add(new Change(m.id(), d.tier(), d.belowSince(), tierChanged));
            }
            if (tierChanged) {
                boolean up = ladder.find(m.tier())
                        .map(held -> ladder.step(d.tier()).rank() > held.rank())
                        .orElse(true);
                if (up) {
                    upgraded++;
                } else {
                    downgraded++;
                }
                outbox.write(
                        Topics.LOYALTY_TRANSACTIONS,
                        EventTypes.TIER_CHANGED,
                        TierChanged.SCHEMA_VERSION,
                        m.id().toString(),
                        new TierChanged(m.tier(), d.tier(), m.spend()));
            }
        }
        rows.apply(changes);
        rows.advance(id, ids.get(ids.size() - 1), ids.size(), upgraded, downgraded, now);
        changed.increment(upgraded + downgraded);
        return Outcome.MORE;
    }

    /** The qualification period of {@code ladder} at {@code now}, as the set-based statements need it. */
    static TierEvaluationRepository.Window window(TierLadderView ladder, Instant now) {
        boolean rolling = ladder.period().kind() == TierLadderView.PeriodKind.ROLLING;
        return new TierEvaluationRepository.Window(
                ladder.windowStart(now),
                ladder.windowMonths(),
                ladder.period().basis(),
                rolling,
                rolling ? null : ladder.countsUntil(now));
    }
}
