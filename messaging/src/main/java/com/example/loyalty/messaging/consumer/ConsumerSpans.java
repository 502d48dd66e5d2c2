package com.example.loyalty.messaging.consumer;

import com.example.loyalty.observability.tracing.TraceContexts;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The "process" spans of {@link EventConsumer}: the consumer's work on an event runs in a span that continues the trace
 * of the record's {@code traceparent} header (written by the producer's "publish" span, see the outbox relay), so one
 * trace goes from the request that caused an event to every consumer that applied it.
 * <p>
 * The Kafka connector's own tracing makes a "receive" span per record, but it ends before the consumer's method runs
 * and is not current there; these spans are the ones the consumer's code (its database work, the events it writes to
 * its own outbox) runs in. A batch is processed in one span: a child of its records' trace when they all belong to one
 * (a quiet system, a batch of one), otherwise the first span of a trace of its own, with a link to each record's
 * context (OpenTelemetry's messaging conventions for batches).
 */
@ApplicationScoped
public class ConsumerSpans {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("loyalty.consumer");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("loyalty.event.type");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("loyalty.event.outcome");

    /** At most this many links on a batch span (the SDK's default limit per span). */
    static final int MAX_LINKS = 128;

    private final Tracer tracer;

    public ConsumerSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span one record is processed in, a child of the context of its headers. */
    public Span startRecord(String consumer, ConsumerRecord<String, String> record) {
        return start(consumer, record.topic())
                .setParent(contextOf(record))
                .setAttribute(PARTITION, Integer.toString(record.partition()))
                .setAttribute(OFFSET, record.offset())
                .startSpan();
    }

    /**
     * Starts the span a batch is processed in: a child of the records' trace when they all carry the same one, else a
     * new trace; either way linked to every other record context (at most {@link #MAX_LINKS}).
     */
    public Span startBatch(String consumer, List<ConsumerRecord<String, String>> records) {
        String topic = records.isEmpty() ? "unknown" : records.get(0).topic();
        Map<String, SpanContext> distinct = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            SpanContext span = TraceContexts.spanContext(contextOf(record));
            if (span.isValid()) {
                distinct.putIfAbsent(span.getTraceId() + span.getSpanId(), span);
            }
        }
        List<SpanContext> contexts = new ArrayList<>(distinct.values());
        SpanBuilder builder = start(consumer, topic).setAttribute(BATCH_SIZE, (long) records.size());
        boolean oneTrace = !contexts.isEmpty()
                && contexts.stream()
                        .allMatch(c -> c.getTraceId().equals(contexts.get(0).getTraceId()));
        if (oneTrace) {
            builder.setParent(Context.root().with(Span.wrap(contexts.get(0))));
            contexts.remove(0);
        } else {
            builder.setNoParent();
        }
        contexts.stream().limit(MAX_LINKS).forEach(builder::addLink);
        return builder.startSpan();
    }

    /** Marks a span failed with {@code failure} (the record is retried or dead-lettered). */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    private SpanBuilder start(String consumer, String topic) {
        return tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(CONSUMER, consumer);
    }

    /** The trace context a record's headers carry (the last value of each header wins, as in the connector). */
    static Context contextOf(ConsumerRecord<String, String> record) {
        return TraceContexts.extract(name -> {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
    }
}
