package com.example.loyalty.messaging.tracing;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.outbox.OutboxEvent;
import com.example.loyalty.messaging.outbox.OutboxRepository;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.messaging.probe.ProbeConsumer;
import com.example.loyalty.messaging.probe.Probes;
import com.example.loyalty.observability.tracing.TraceContexts;
import com.example.loyalty.testing.TestKafka;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request through the outbox and Kafka to the consumer: the outbox row keeps the request's trace
 * context, the relayed record carries it in its {@code traceparent} header (through the "publish" span, a child of the
 * request's), and the consumer's handler runs in a span of that trace.
 */
@QuarkusTest
class TraceThroughOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OutboxRepository outbox;

    @Inject
    EventConsumer consumer;

    @Inject
    OutboxWriter writer;

    @Test
    void aRequestsTraceGoesThroughTheOutboxAndKafkaToTheConsumer() {
        String traceId = hex(16);
        String clientSpanId = hex(8);
        String member = "m-" + UUID.randomUUID();

        UUID eventId = UUID.fromString(given().header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .when()
                .post("/api/probe/events?n=7&member=" + member)
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString());

        // (1) the row keeps the context of the request's server span, which continues the caller's trace
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER
                && s.getTraceId().equals(traceId)
                && s.getName().contains("/api/probe/events"));
        assertEquals(clientSpanId, server.getParentSpanId());
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> outbox.findById(eventId));
        assertEquals("00-" + traceId + "-" + server.getSpanId() + "-01", row.traceparent);

        // (2) the relayed record carries a traceparent of that trace: the relay's publish span, a child of the request
        ConsumerRecord<String, String> record = TestKafka.read(
                        ProbeConsumer.CHANNEL, r -> member.equals(r.key()), 1, WAIT)
                .get(0);
        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "the record has a traceparent header");
        assertEquals(traceId, TraceContexts.traceId(traceparent));
        SpanContext published = TraceContexts.spanContext(TraceContexts.restore(traceparent, null));
        SpanData publish = awaitSpan(s -> s.getSpanId().equals(published.getSpanId()));
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals(server.getSpanId(), publish.getParentSpanId(), "publish span is a child of the request's");

        // (3) the consumer's handler ran in a span of the same trace, a child of the publish span
        await().atMost(WAIT).until(() -> ProbeConsumer.SPANS.containsKey(eventId));
        SpanContext handled = ProbeConsumer.SPANS.get(eventId);
        assertEquals(traceId, handled.getTraceId());
        SpanData process = awaitSpan(s -> s.getSpanId().equals(handled.getSpanId()));
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals(publish.getSpanId(), process.getParentSpanId());
        assertEquals(ProbeConsumer.CHANNEL + " process", process.getName());
        assertEquals(eventId.toString(), process.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
    }

    @Test
    void aRowWrittenOutsideAnyTraceStartsItsOwnTraceWhenRelayed() {
        String member = "m-" + UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew()
                .call(() -> writer.write(ProbeConsumer.CHANNEL, ProbeConsumer.TYPE, 1, member, Map.of("n", 1)));
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> outbox.findById(eventId));
        assertNull(row.traceparent, "no span was current");

        ConsumerRecord<String, String> record = TestKafka.read(
                        ProbeConsumer.CHANNEL, r -> member.equals(r.key()), 1, WAIT)
                .get(0);
        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "the relay's publish span still gives the consumers a trace to continue");
        await().atMost(WAIT).until(() -> ProbeConsumer.SPANS.containsKey(eventId));
        assertEquals(
                TraceContexts.traceId(traceparent),
                ProbeConsumer.SPANS.get(eventId).getTraceId());
    }

    @Test
    void aBatchOfOneTraceIsProcessedInThatTrace() {
        String traceId = hex(16);
        List<ConsumerRecord<String, String>> records = List.of(
                record(Probes.event(1), "00-" + traceId + "-" + hex(8) + "-01"),
                record(Probes.event(2), "00-" + traceId + "-" + hex(8) + "-01"));
        AtomicReference<SpanContext> current = new AtomicReference<>();

        consumer.consumeBatch(
                "probe-batch",
                "probe-batch.dlq",
                records,
                null,
                events -> current.set(Span.current().getSpanContext()));

        assertEquals(traceId, current.get().getTraceId());
        SpanData batch = awaitSpan(s -> s.getSpanId().equals(current.get().getSpanId()));
        assertEquals(SpanKind.CONSUMER, batch.getKind());
        assertEquals(spanId(records.get(0)), batch.getParentSpanId());
        assertEquals(
                List.of(spanId(records.get(1))),
                batch.getLinks().stream()
                        .map(l -> l.getSpanContext().getSpanId())
                        .toList());
        assertEquals(2L, batch.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
    }

    @Test
    void aBatchOfSeveralTracesIsProcessedInItsOwnTraceLinkedToEachRecord() {
        List<ConsumerRecord<String, String>> records = List.of(
                record(Probes.event(1), "00-" + hex(16) + "-" + hex(8) + "-01"),
                record(Probes.event(2), null),
                record(Probes.event(3), "00-" + hex(16) + "-" + hex(8) + "-01"));
        AtomicReference<SpanContext> current = new AtomicReference<>();

        consumer.consumeBatch(
                "probe-batch",
                "probe-batch.dlq",
                records,
                null,
                events -> current.set(Span.current().getSpanContext()));

        SpanData batch = awaitSpan(s -> s.getSpanId().equals(current.get().getSpanId()));
        assertFalse(batch.getParentSpanContext().isValid(), "a trace of its own");
        assertFalse(records.stream()
                .map(r -> header(r, "traceparent"))
                .filter(java.util.Objects::nonNull)
                .anyMatch(tp -> batch.getTraceId().equals(TraceContexts.traceId(tp))));
        assertEquals(
                List.of(spanId(records.get(0)), spanId(records.get(2))),
                batch.getLinks().stream()
                        .map(LinkData::getSpanContext)
                        .map(SpanContext::getSpanId)
                        .toList());
    }

    private SpanData awaitSpan(Predicate<SpanData> which) {
        AtomicReference<SpanData> found = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            Optional<SpanData> span =
                    spans.getFinishedSpanItems().stream().filter(which).findFirst();
            span.ifPresent(found::set);
            return span.isPresent();
        });
        return found.get();
    }

    private static ConsumerRecord<String, String> record(EventEnvelope event, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                ProbeConsumer.CHANNEL,
                0,
                0L,
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                event.memberId(),
                EventJson.write(event),
                headers,
                Optional.empty());
    }

    private static String spanId(ConsumerRecord<String, String> record) {
        return header(record, "traceparent").substring(36, 52);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zero
        return HexFormat.of().formatHex(b);
    }
}
