package com.example.loyalty.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays outbox rows to Kafka: sends a batch, waits for the broker's acknowledgements, then marks the rows
 * published in the same transaction that locked them. A crash between send and commit re-sends the batch
 * (at-least-once); consumers de-duplicate on the event id. Runs on a timer and right after each commit that
 * wrote an event.
 */
@Startup // created at start so its gauge is there from the first scrape
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-sender");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(OutboxRepository outbox, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter, OutboxConfig config,
            MeterRegistry registry) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config;
        this.published = Counter.builder("outbox.published").description("events relayed from the outbox to Kafka")
                .register(registry);
        registry.gauge("outbox.pending", this, r -> r.pendingSafely());
    }

    @Scheduled(every = "${loyalty.outbox.poll-interval:1s}", delayed = "${loyalty.outbox.initial-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        drain();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxWritten written) {
        // one pending nudge is enough: a commit after the flag is cleared queues the next one, so no event waits
        // for the timer, and a burst of commits costs one relay run instead of one per event
        if (nudgePending.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgePending.set(false);
                drain();
            });
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true; // unsent rows stay in the table and go out after the next start
    }

    /** Sends until the outbox is empty; a second caller returns at once while one is sending. */
    public void drain() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay failed, will retry: %s", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private int relayBatch() {
        List<OutboxEvent> batch = outbox.lockNextBatch(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        // Send from a thread that is not part of this JTA transaction (context propagation would otherwise
        // carry it onto Kafka's callback threads), and wait for every acknowledgement before marking rows.
        CompletableFuture.runAsync(() -> {
            List<Uni<Void>> acks = batch.stream().map(this::send).toList();
            Uni.join().all(acks).andFailFast().await().atMost(SEND_TIMEOUT);
        }, sender).join();
        Instant now = Instant.now();
        batch.forEach(row -> row.publishedAt = now);
        published.increment(batch.size());
        return batch.size();
    }

    private Uni<Void> send(OutboxEvent row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .addHeaders(new org.apache.kafka.common.header.internals.RecordHeader("event-type",
                        row.eventType.getBytes(StandardCharsets.UTF_8)))
                .build();
        return emitter.sendMessage(Message.of(row.payload).addMetadata(metadata));
    }

    private double pendingSafely() {
        try {
            return QuarkusTransaction.requiringNew().call(outbox::countUnpublished);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
