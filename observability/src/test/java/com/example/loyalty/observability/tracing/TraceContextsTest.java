package com.example.loyalty.observability.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class TraceContextsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    @Test
    void theCurrentSpansContextIsTakenAsW3cHeaders() {
        SpanContext span = SpanContext.create(
                TRACE_ID,
                SPAN_ID,
                TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "abc").build());
        try (Scope ignored = Context.root().with(Span.wrap(span)).makeCurrent()) {
            TraceContexts.W3cContext w3c = TraceContexts.current().orElseThrow();
            assertEquals(TRACEPARENT, w3c.traceparent());
            assertEquals("vendor=abc", w3c.tracestate());
            assertEquals(TRACE_ID, w3c.traceId());
        }
    }

    @Test
    void withoutASpanThereIsNothingToTake() {
        assertTrue(TraceContexts.current().isEmpty());
        assertTrue(TraceContexts.of(Context.root()).isEmpty());
    }

    @Test
    void aTracestateTooLongToStoreIsDroppedAndTheTraceGoesOn() {
        var state = TraceState.builder()
                .put("a", "x".repeat(250))
                .put("b", "y".repeat(250))
                .put("c", "z".repeat(250))
                .build();
        SpanContext span = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), state);
        TraceContexts.W3cContext w3c =
                TraceContexts.of(Context.root().with(Span.wrap(span))).orElseThrow();
        assertEquals(TRACEPARENT, w3c.traceparent());
        assertNull(w3c.tracestate());
    }

    @Test
    void aStoredContextBecomesTheRemoteParentOfWhatFollows() {
        SpanContext parent = TraceContexts.spanContext(TraceContexts.restore(TRACEPARENT, "vendor=abc"));
        assertTrue(parent.isValid());
        assertTrue(parent.isRemote());
        assertEquals(TRACE_ID, parent.getTraceId());
        assertEquals(SPAN_ID, parent.getSpanId());
        assertTrue(parent.isSampled());
        assertEquals("abc", parent.getTraceState().get("vendor"));
        assertEquals(TRACEPARENT, TraceContexts.traceparent(parent));
    }

    @Test
    void nothingOrGarbageRestoresNoParent() {
        assertFalse(TraceContexts.spanContext(TraceContexts.restore(null, null)).isValid());
        assertFalse(TraceContexts.spanContext(TraceContexts.restore("garbage", null))
                .isValid());
        assertFalse(
                TraceContexts.spanContext(TraceContexts.restore("00-" + "0".repeat(32) + "-" + SPAN_ID + "-01", null))
                        .isValid());
        assertThrows(IllegalArgumentException.class, () -> TraceContexts.traceparent(SpanContext.getInvalid()));
    }

    @Test
    void headersAreReadByName() {
        Context context = TraceContexts.extract(name -> name.equals("traceparent") ? TRACEPARENT : null);
        assertEquals(SPAN_ID, TraceContexts.spanContext(context).getSpanId());
        assertEquals(TRACE_ID, TraceContexts.traceId(TRACEPARENT));
        assertNull(TraceContexts.traceId("00-short"));
        assertNull(TraceContexts.traceId(null));
    }
}
