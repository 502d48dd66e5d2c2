package com.example.loyalty.messaging.consumer;

import com.example.loyalty.common.metrics.MeterNames;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.messaging.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes an event. An {@code @Incoming @Blocking} method hands each record to
 * {@link #consume}, which
 * <ol>
 * <li>parses the envelope; a record that is not one is <em>poison</em>: counted and thrown as
 * {@link PoisonEventException}, which the channel's {@code failure-strategy=dead-letter-queue} sends to the
 * consumer's dead-letter topic;</li>
 * <li>in one transaction, records the event id in the {@link Inbox} and runs the handler, so the effect happens
 * once, however often the record is delivered;</li>
 * <li>retries failures with SmallRye Fault Tolerance: a failure that passes by itself ({@link TransientFailures}: the
 * database away for a minute, a deadlock) is retried <em>without limit</em>, with capped exponential back-off, so a
 * good event is never dead-lettered for it and the partition simply waits; a handler's
 * {@link UnprocessableEventException} is not retried (poison); any other failure is retried
 * {@link ConsumerConfig#failureRetries()} times and then dead-lettered, so one record cannot stall its partition for
 * ever.</li>
 * </ol>
 * Batch consumers apply a whole batch in one transaction through {@link #retrying} and the inbox's batch insert.
 * A consumer that hands over the {@link ConsumerRecord} (single records) or the batch's records has its work traced
 * in the trace that wrote the events ({@link ConsumerSpans}).
 * Meters: {@code loyalty.<service>.events.consumed} (consumer, outcome), {@code loyalty.<service>.events.rejected}
 * (consumer, reason: the records sent to a dead-letter topic) and {@code loyalty.<service>.events.retries} (consumer,
 * kind). The dead-letter counters of every incoming channel exist from the start, at 0: an alert on their increase
 * then sees the first dead letter too (a series that appears at 1 has no increase in Prometheus).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** What happened to one event. */
    public enum Outcome {
        /** First delivery; the handler changed something. */
        APPLIED,
        /** First delivery of an event the handler has nothing to do with (another type); recorded as processed. */
        IGNORED,
        /** Processed before; nothing changed. */
        DUPLICATE
    }

    /** Applies one event inside the consumer's transaction; returns APPLIED or IGNORED. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @throws UnprocessableEventException when the event's content cannot be applied (it is dead-lettered)
         */
        Outcome apply(EventEnvelope event);
    }

    /** Why a record goes to its dead-letter topic: the {@code reason} tag of {@code events.rejected}. */
    public static final List<String> REJECT_REASONS = List.of("malformed", "unprocessable", "failed");

    private static final Pattern INCOMING_CONNECTOR =
            Pattern.compile("mp\\.messaging\\.incoming\\.(\"[^\"]+\"|[^.]+)\\.connector");

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final MeterNames names;
    private final ConsumerConfig config;
    private final ConsumerSpans spans;
    private final Map<String, Guards> guards = new ConcurrentHashMap<>();

    /**
     * Set when the application starts to stop. From then on a failure is the stop's doing (the entity manager factory
     * closed under a running handler, the pool draining), never the event's: it is retried like a transient failure
     * until the process ends, so the record is neither acknowledged nor dead-lettered and is delivered again after the
     * restart (the inbox makes that second delivery count once).
     */
    private volatile boolean stopping;

    public EventConsumer(
            Inbox inbox,
            MeterRegistry registry,
            MeterNames names,
            ConsumerConfig config,
            DeadLetters deadLetters,
            ConsumerSpans spans) {
        this.inbox = inbox;
        this.spans = spans;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.names = names;
        this.config = config;
    }

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        for (String channel : incomingChannels(ConfigProvider.getConfig().getPropertyNames())) {
            for (String reason : REJECT_REASONS) {
                registry.counter(names.name("events.rejected"), "consumer", channel, "reason", reason);
            }
        }
    }

    /**
     * The incoming channels configured ({@code mp.messaging.incoming.<channel>.connector}): the consumers, since every
     * consumer names itself by its channel.
     */
    static SortedSet<String> incomingChannels(Iterable<String> propertyNames) {
        SortedSet<String> channels = new TreeSet<>();
        for (String name : propertyNames) {
            Matcher m = INCOMING_CONNECTOR.matcher(name);
            if (m.matches()) {
                channels.add(m.group(1).replace("\"", ""));
            }
        }
        return channels;
    }

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping(true);
    }

    /** See {@link #stopping}; tests set it back. */
    void stopping(boolean value) {
        stopping = value;
    }

    /**
     * Consumes one record for {@code consumer} (the channel name, which is also the inbox's key), in whatever trace is
     * current: a consumer method should hand over the {@link ConsumerRecord} instead, whose headers carry the trace.
     *
     * @throws PoisonEventException for a record that goes to the dead-letter topic
     */
    public Outcome consume(String consumer, String record, Handler handler) {
        return consume(consumer, record, null, handler);
    }

    /**
     * Consumes one record, but only events of {@code types} reach the handler: the others are counted as
     * {@link Outcome#IGNORED} without a transaction or an inbox row, so a consumer that needs a few types of a busy
     * topic (survey-service needs the tier changes of loyalty-transactions, not its purchases) pays nothing for the
     * rest.
     *
     * @param types the event types the handler applies; null for all
     */
    public Outcome consume(String consumer, String record, java.util.Set<String> types, Handler handler) {
        return applyOne(consumer, parse(consumer, record), types, handler);
    }

    /**
     * Consumes one record as {@link #consume(String, String, Handler)} does, in a span that continues the trace of the
     * record's {@code traceparent} header ({@link ConsumerSpans}): the way an {@code @Incoming} method that takes the
     * {@link ConsumerRecord} hands it over, so the handler's work is part of the trace of the request that caused the
     * event.
     */
    public Outcome consume(String consumer, ConsumerRecord<String, String> record, Handler handler) {
        return consume(consumer, record, null, handler);
    }

    /** {@link #consume(String, ConsumerRecord, Handler)} for the events of {@code types} only (null for all). */
    public Outcome consume(
            String consumer, ConsumerRecord<String, String> record, java.util.Set<String> types, Handler handler) {
        if (notWanted(record, types)) {
            consumed(consumer, Outcome.IGNORED, 1);
            return Outcome.IGNORED;
        }
        Span span = spans.startRecord(consumer, record);
        try (Scope ignored = span.makeCurrent()) {
            EventEnvelope event = parse(consumer, record.value());
            span.setAttribute(ConsumerSpans.MESSAGE_ID, event.eventId().toString());
            span.setAttribute(ConsumerSpans.EVENT_TYPE, event.type());
            Outcome outcome = applyOne(consumer, event, types, handler);
            span.setAttribute(ConsumerSpans.OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
            return outcome;
        } catch (RuntimeException e) {
            ConsumerSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Whether the record's {@code event-type} header ({@link OutboxRelay#EVENT_TYPE_HEADER}, set by the relay) names a
     * type the consumer does not apply: then it is ignored without parsing its JSON, which on a busy topic (a purchase
     * event per earn, read by consumers that want only the tier changes) is most of what such a consumer would do. A
     * record without the header is parsed and judged by its envelope.
     */
    static boolean notWanted(ConsumerRecord<?, ?> record, java.util.Set<String> types) {
        if (types == null) {
            return false;
        }
        Header header = record.headers().lastHeader(OutboxRelay.EVENT_TYPE_HEADER);
        return header != null
                && header.value() != null
                && !types.contains(new String(header.value(), StandardCharsets.UTF_8));
    }

    private EventEnvelope parse(String consumer, String record) {
        try {
            return EventJson.read(record);
        } catch (EventJson.MalformedEventException e) {
            throw reject(consumer, "malformed", e.getMessage(), e);
        }
    }

    private Outcome applyOne(String consumer, EventEnvelope event, java.util.Set<String> types, Handler handler) {
        if (types != null && !types.contains(event.type())) {
            consumed(consumer, Outcome.IGNORED, 1);
            return Outcome.IGNORED;
        }
        Outcome outcome;
        try {
            outcome = retrying(
                    consumer,
                    () -> QuarkusTransaction.requiringNew().call(() -> {
                        if (!inbox.markProcessed(consumer, event.eventId(), event.type())) {
                            return Outcome.DUPLICATE;
                        }
                        return handler.apply(event);
                    }));
        } catch (RuntimeException e) {
            String what = event.type() + " event " + event.eventId();
            throw isPoison(e)
                    ? reject(consumer, "unprocessable", what + ": " + e.getMessage(), e)
                    : reject(
                            consumer,
                            "failed",
                            what + " still failed after " + config.failureRetries() + " retries: " + e,
                            e);
        }
        consumed(consumer, outcome, 1);
        LOG.debugf("%s: %s event %s %s", consumer, event.type(), event.eventId(), outcome);
        return outcome;
    }

    /** Applies a batch of events inside the caller's transaction, all or nothing. */
    @FunctionalInterface
    public interface BatchHandler {
        /**
         * @throws UnprocessableEventException when an event's content cannot be applied (the batch is then applied
         *                                     event by event, and that one dead-lettered)
         */
        void apply(List<EventEnvelope> events);
    }

    /** What a batch did. */
    public record BatchOutcome(int applied, int ignored, int duplicates, int deadLettered) {}

    /**
     * The idiom for a batch of records (a channel with {@code batch=true}): the fresh events of {@code types} are
     * recorded in the inbox and applied in one transaction, a few statements for hundreds of events; records that
     * are not events go to {@code deadLetterTopic}; other types are ignored without a database write. Failures are
     * retried as in {@link #consume}; a batch that still fails (an event the handler cannot apply, or a failure that
     * does not pass) is applied event by event, each in its own transaction, and the events that fail alone are
     * dead-lettered, so one bad event never holds back the others. Returns once the dead letters are on their topic.
     * The batch is processed in one span, in the trace of its records or linked to them ({@link ConsumerSpans}).
     */
    public BatchOutcome consumeBatch(
            String consumer,
            String deadLetterTopic,
            List<ConsumerRecord<String, String>> records,
            java.util.Set<String> types,
            BatchHandler handler) {
        Span span = spans.startBatch(consumer, records);
        try (Scope ignored = span.makeCurrent()) {
            BatchOutcome outcome = consumeBatchInSpan(consumer, deadLetterTopic, records, types, handler);
            span.setAttribute("loyalty.events.applied", outcome.applied());
            span.setAttribute("loyalty.events.ignored", outcome.ignored());
            span.setAttribute("loyalty.events.duplicates", outcome.duplicates());
            span.setAttribute("loyalty.events.dead_lettered", outcome.deadLettered());
            return outcome;
        } catch (RuntimeException e) {
            ConsumerSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private BatchOutcome consumeBatchInSpan(
            String consumer,
            String deadLetterTopic,
            List<ConsumerRecord<String, String>> records,
            java.util.Set<String> types,
            BatchHandler handler) {
        List<DeadLetters.DeadLetter> dead = new ArrayList<>();
        List<ConsumerRecord<String, String>> sources = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        int ignored = 0;
        int duplicates = 0;
        for (ConsumerRecord<String, String> record : records) {
            if (notWanted(record, types)) {
                ignored++;
                continue;
            }
            EventEnvelope event;
            try {
                event = EventJson.read(record.value());
            } catch (EventJson.MalformedEventException e) {
                dead.add(new DeadLetters.DeadLetter(record, deadLetterTopic, "malformed", e.getMessage()));
                continue;
            }
            if (types != null && !types.contains(event.type())) {
                ignored++;
            } else if (!seen.add(event.eventId())) {
                duplicates++;
            } else {
                sources.add(record);
                events.add(event);
            }
        }
        int applied = 0;
        if (!events.isEmpty()) {
            try {
                int[] counts = retrying(
                        consumer, () -> QuarkusTransaction.requiringNew().call(() -> apply(consumer, events, handler)));
                applied = counts[0];
                duplicates += counts[1];
            } catch (RuntimeException batchFailed) {
                LOG.warnf(
                        "%s: a batch of %d events failed (%s), applying them one by one",
                        consumer, events.size(), rootMessage(batchFailed));
                for (int i = 0; i < events.size(); i++) {
                    List<EventEnvelope> one = List.of(events.get(i));
                    try {
                        int[] counts = retrying(
                                consumer,
                                () -> QuarkusTransaction.requiringNew().call(() -> apply(consumer, one, handler)));
                        applied += counts[0];
                        duplicates += counts[1];
                    } catch (RuntimeException e) {
                        EventEnvelope event = one.get(0);
                        dead.add(new DeadLetters.DeadLetter(
                                sources.get(i),
                                deadLetterTopic,
                                isPoison(e) ? "unprocessable" : "failed",
                                event.type() + " event " + event.eventId() + ": " + rootMessage(e)));
                    }
                }
            }
        }
        // in the order they had on the topic, whichever step refused them
        dead.sort(java.util.Comparator.comparingInt(
                        (DeadLetters.DeadLetter d) -> d.record().partition())
                .thenComparingLong(d -> d.record().offset()));
        for (DeadLetters.DeadLetter d : dead) {
            rejected(
                    consumer,
                    d.cause(),
                    "record " + d.record().topic() + "-" + d.record().partition() + "@"
                            + d.record().offset() + ": " + d.reason());
        }
        if (!dead.isEmpty()) {
            retrying(consumer, () -> {
                deadLetters.send(dead);
                return null;
            });
        }
        consumed(consumer, Outcome.APPLIED, applied);
        consumed(consumer, Outcome.IGNORED, ignored);
        consumed(consumer, Outcome.DUPLICATE, duplicates);
        return new BatchOutcome(applied, ignored, duplicates, dead.size());
    }

    /** In the caller's transaction: records the events in the inbox and applies the fresh ones; {applied, dups}. */
    private int[] apply(String consumer, List<EventEnvelope> events, BatchHandler handler) {
        List<java.util.UUID> ids = events.stream().map(EventEnvelope::eventId).toList();
        List<String> eventTypes = events.stream().map(EventEnvelope::type).toList();
        java.util.Set<java.util.UUID> fresh = inbox.markAllProcessed(consumer, ids, eventTypes);
        List<EventEnvelope> toApply =
                events.stream().filter(e -> fresh.contains(e.eventId())).toList();
        if (!toApply.isEmpty()) {
            handler.apply(toApply);
        }
        return new int[] {toApply.size(), events.size() - toApply.size()};
    }

    /**
     * Runs {@code work} (which opens its own transaction) with this idiom's retries: transient failures until they
     * pass, other failures {@link ConsumerConfig#failureRetries()} times; {@link UnprocessableEventException} and
     * {@link PoisonEventException} at once to the caller.
     */
    @SuppressWarnings("unchecked")
    public <T> T retrying(String consumer, Supplier<T> work) {
        Guards g = guards.computeIfAbsent(consumer, this::guards);
        Class<T> any = (Class<T>) Object.class;
        return g.transientFailures().get(() -> g.otherFailures().get(work, any), any);
    }

    /** Retries transient failures until they pass, around retries of other failures a bounded number of times. */
    private Guards guards(String consumer) {
        Guard otherFailures = Guard.create()
                .withDescription(consumer + " (failures)")
                .withRetry()
                .maxRetries(config.failureRetries())
                .delay(config.failureInitialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .whenException(e -> !TransientFailures.isTransient(e) && !isPoison(e) && !stopping)
                .beforeRetry(e -> retried(consumer, "other", e))
                .withExponentialBackoff()
                .maxDelay(30, ChronoUnit.SECONDS)
                .done()
                .done()
                .build();
        Guard transientFailures = Guard.create()
                .withDescription(consumer + " (transient)")
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(config.transientInitialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(e -> !isPoison(e) && (TransientFailures.isTransient(e) || stopping))
                .beforeRetry(e -> retried(consumer, "transient", e))
                .withExponentialBackoff()
                .maxDelay(config.transientMaxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
        return new Guards(transientFailures, otherFailures);
    }

    /** Transient failures are retried around the bounded retries of other failures. */
    private record Guards(Guard transientFailures, Guard otherFailures) {}

    /** Counts and logs a record given up to the dead-letter topic, and returns the exception that sends it there. */
    public PoisonEventException reject(String consumer, String reason, String detail, Throwable cause) {
        rejected(consumer, reason, detail);
        return new PoisonEventException(reason + ": " + detail, cause);
    }

    /** Counts and logs a record a batch consumer gives up to its dead-letter topic itself. */
    public void rejected(String consumer, String reason, String detail) {
        registry.counter(names.name("events.rejected"), "consumer", consumer, "reason", reason)
                .increment();
        LOG.warnf("%s: record rejected (%s), sending it to the dead-letter topic: %s", consumer, reason, detail);
    }

    /** Counts {@code count} events with the same outcome (a batch consumer counts a whole batch at once). */
    public void consumed(String consumer, Outcome outcome, long count) {
        if (count > 0) {
            registry.counter(
                            names.name("events.consumed"),
                            "consumer",
                            consumer,
                            "outcome",
                            outcome.name().toLowerCase(Locale.ROOT))
                    .increment(count);
        }
    }

    private void retried(String consumer, String kind, Throwable e) {
        registry.counter(names.name("events.retries"), "consumer", consumer, "kind", kind)
                .increment();
        LOG.warnf(
                "%s: retrying after a%s failure: %s", consumer, kind.equals("other") ? "" : " " + kind, rootMessage(e));
    }

    private static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEventException || t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " (" + root + ")";
    }
}
