package com.example.loyalty.messaging.outbox;

import com.example.loyalty.common.metrics.MeterNames;
import com.example.loyalty.observability.tracing.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Relays outbox rows to Kafka on the service's {@code outbox} channel: locks a batch, sends every row, waits for the
 * broker's answer to each, then, in the transaction that locked them, marks the acknowledged rows published. A crash
 * between send and commit re-sends the batch (at-least-once); consumers de-duplicate on the event id. Runs on a timer
 * and right after each commit that wrote an event.
 * <p>
 * One row Kafka refuses for good must not stop the rows behind it: a row that can never be sent (too large for the
 * broker, an invalid topic) is <em>parked</em> at once, with its reason; a row that fails otherwise is parked after
 * {@link OutboxConfig#maxAttempts()} failures; a row Kafka asks to retry (broker away) stays in line and never parks.
 * Parked rows are counted by the gauge {@code loyalty.<service>.outbox.parked}, logged, and listed and put back in
 * line by an admin ({@link ParkedEvents}).
 * <p>
 * How far behind the relay is: {@code loyalty.<service>.outbox.pending} (rows waiting) and
 * {@code loyalty.<service>.outbox.lag} (seconds since the oldest of them was written, 0 when none waits; Prometheus
 * {@code loyalty_<service>_outbox_lag_seconds}). The gauges read the table when scraped, each with one indexed query.
 * <p>
 * The trace of the request that wrote a row goes on through the relay: see {@link #send}.
 */
@Startup // created at start so its gauges are there from the first scrape
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * The record header that names the event's type: consumers that apply a few types of a busy topic skip the others
     * without parsing them ({@code EventConsumer}).
     */
    public static final String EVENT_TYPE_HEADER = "event-type";

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter parked;
    private final MeterRegistry registry;
    private final MeterNames names;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private volatile boolean stopping;
    /** Set by tests that need events to stay in the outbox for a while; see {@link #paused(boolean)}. */
    private volatile boolean paused;

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-sender");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ScheduledExecutorService nudges =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbox-relay");
                t.setDaemon(true);
                return t;
            });

    public OutboxRelay(
            OutboxRepository outbox,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                    MutinyEmitter<String> emitter,
            OutboxConfig config,
            MeterRegistry registry,
            MeterNames names) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config;
        this.registry = registry;
        this.names = names;
        this.published = Counter.builder(names.name("outbox.published"))
                .description("events relayed from the outbox to Kafka")
                .register(registry);
        this.parked = Counter.builder(names.name("outbox.parked.events"))
                .description("events the relay gave up on and parked")
                .register(registry);
        Gauge.builder(names.name("outbox.pending"), this, r -> r.countSafely(false))
                .description("events waiting in the outbox to be sent")
                .register(registry);
        Gauge.builder(names.name("outbox.parked"), this, r -> r.countSafely(true))
                .description("parked events waiting for an admin (see /admin/outbox/parked)")
                .register(registry);
        Gauge.builder(names.name("outbox.lag"), this, OutboxRelay::lagSafely)
                .description("age of the oldest event waiting in the outbox to be sent, 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(
            every = "${loyalty.outbox.poll-interval:1s}",
            delayed = "${loyalty.outbox.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        drain();
    }

    /**
     * Asks for a relay run soon. One pending nudge is enough: a commit after the flag is cleared queues the next one,
     * so no event waits for the timer, and a burst of commits costs one relay run instead of one per event.
     */
    public void nudge() {
        if (nudgePending.compareAndSet(false, true)) {
            // a short wait lets the commits of concurrent requests join the same run: one relay transaction and one
            // round of acknowledgements for many events, instead of one per request
            nudges.schedule(
                    () -> {
                        nudgePending.set(false);
                        drain();
                    },
                    config.nudgeDelay().toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true; // unsent rows stay in the table and go out after the next start
    }

    /**
     * Tests only: while paused the relay sends nothing (events stay in the outbox, as when the broker is away); a run
     * under way when it is paused finishes its batch ({@link #sending()}).
     */
    void paused(boolean value) {
        paused = value;
    }

    /** Whether a relay run is under way. */
    boolean sending() {
        return running.get();
    }

    /** Sends until no full batch is left; a second caller returns at once while one is sending. */
    public void drain() {
        if (stopping || paused || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Progress progress;
            do {
                progress = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (progress.size() == config.batchSize() && progress.handled() > 0 && !stopping && !paused);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay failed, will retry: %s", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    /** A batch: how many rows were locked, and how many of them left the line (published or parked). */
    record Progress(int size, int handled) {}

    private Progress relayBatch() {
        List<OutboxEvent> batch = outbox.lockNextBatch(config.batchSize());
        if (batch.isEmpty()) {
            return new Progress(0, 0);
        }
        List<Throwable> failures = sendAll(batch);
        Instant now = Instant.now();
        List<java.util.UUID> sent = new ArrayList<>(batch.size());
        int handled = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            Throwable failure = failures.get(i);
            if (failure == null) {
                sent.add(row.id);
                handled++;
            } else if (failed(row, failure, now)) {
                handled++;
            }
        }
        outbox.markPublished(sent, now); // one statement for the batch
        published.increment(sent.size());
        return new Progress(batch.size(), handled);
    }

    /**
     * Sends every row and waits for the broker's answer to each, from a thread that is not part of this JTA
     * transaction (context propagation would otherwise carry it onto Kafka's callback threads). Returns, per row,
     * null when acknowledged or the failure. Throws when the answers do not come in time: the batch is then left as
     * it is for the next run.
     */
    private List<Throwable> sendAll(List<OutboxEvent> batch) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            List<Uni<Throwable>> answers = new ArrayList<>(batch.size());
                            for (OutboxEvent row : batch) {
                                answers.add(send(row)
                                        .replaceWith((Throwable) null)
                                        .onFailure()
                                        .recoverWithItem(t -> t));
                            }
                            return Uni.join()
                                    .all(answers)
                                    .andCollectFailures()
                                    .await()
                                    .atMost(config.sendTimeout());
                        },
                        sender)
                .join();
    }

    /** Records a failed send; true when the row left the line (it was parked). */
    private boolean failed(OutboxEvent row, Throwable failure, Instant now) {
        SendFailures kind = SendFailures.classify(failure);
        String reason = SendFailures.describe(failure);
        registry.counter(names.name("outbox.send.failures"), "kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        row.lastError = reason;
        if (kind == SendFailures.RETRIABLE) {
            LOG.debugf("outbox event %s not sent yet (%s), will retry", row.id, reason);
            return false;
        }
        row.attempts++;
        if (kind == SendFailures.PERMANENT || row.attempts >= config.maxAttempts()) {
            row.parkedAt = now;
            parked.increment();
            LOG.warnf(
                    "outbox event %s (%s to %s, key %s, %d characters) parked after %d failed attempt(s): %s. "
                            + "The events behind it go on; an admin can retry it (POST .../admin/outbox/parked/%s/retry)",
                    row.id,
                    row.eventType,
                    row.topic,
                    row.messageKey,
                    row.payload.length(),
                    row.attempts,
                    reason,
                    row.id);
            return true;
        }
        LOG.warnf(
                "outbox event %s failed to send (attempt %d of %d): %s",
                row.id, row.attempts, config.maxAttempts(), reason);
        return false;
    }

    /**
     * Sends one row. The Kafka connector's tracing starts the "publish" span as a child of the context stored with the
     * row (the request that wrote it) and writes that span's {@code traceparent} into the record's headers, where the
     * consumers continue the trace ({@code EventConsumer}). A row without a stored context (written outside any trace,
     * or before the outbox kept one) starts a trace of its own.
     */
    private Uni<Void> send(OutboxEvent row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .addHeaders(new RecordHeader(EVENT_TYPE_HEADER, row.eventType.getBytes(StandardCharsets.UTF_8)))
                .build();
        Message<String> message = Message.of(row.payload).addMetadata(metadata);
        if (row.traceparent != null) {
            message = message.addMetadata(
                    TracingMetadata.withCurrent(TraceContexts.restore(row.traceparent, row.tracestate)));
        }
        return emitter.sendMessage(message);
    }

    private double lagSafely() {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(outbox::oldestPendingCreatedAt)
                    .map(oldest ->
                            Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double countSafely(boolean parkedRows) {
        try {
            return QuarkusTransaction.requiringNew().call(parkedRows ? outbox::countParked : outbox::countPending);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
