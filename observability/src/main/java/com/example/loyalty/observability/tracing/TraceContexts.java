package com.example.loyalty.observability.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of OpenTelemetry contexts: taken from the current span
 * to be stored with a row (the outbox) or sent in headers, and turned back into a parent context later, on another
 * thread. Always W3C, whatever propagators the application configures, because what is stored must be read back the
 * same way by every version of every service.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /**
     * The longest {@code tracestate} kept. W3C asks to propagate at least 512 characters; a longer one is dropped whole
     * (cutting it could split a vendor's entry), the trace itself goes on.
     */
    public static final int MAX_TRACESTATE = 512;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** A span's place in a trace as W3C headers; {@code tracestate} is null when there is none. */
    public record W3cContext(String traceparent, String tracestate) {

        /** The 32 hex digits of the trace id. */
        public String traceId() {
            return TraceContexts.traceId(traceparent);
        }
    }

    private TraceContexts() {}

    /** The current span's context; empty when there is no valid span (tracing disabled, nothing traced). */
    public static Optional<W3cContext> current() {
        return of(Context.current());
    }

    /** The context of {@code context}'s span; empty when it has no valid span. */
    public static Optional<W3cContext> of(Context context) {
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, (map, key, value) -> map.put(key, value));
        String traceparent = carrier.get(TRACEPARENT);
        if (traceparent == null) {
            return Optional.empty();
        }
        String tracestate = carrier.get(TRACESTATE);
        if (tracestate != null && (tracestate.isEmpty() || tracestate.length() > MAX_TRACESTATE)) {
            tracestate = null;
        }
        return Optional.of(new W3cContext(traceparent, tracestate));
    }

    /**
     * A context whose parent span is the (remote) span {@code traceparent} names: spans started in it join that trace.
     * The root context when {@code traceparent} is null or not a valid W3C value.
     */
    public static Context restore(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        return extract(name -> switch (name) {
            case TRACEPARENT -> traceparent;
            case TRACESTATE -> tracestate;
            default -> null;
        });
    }

    /**
     * The context carried by headers ({@code header} answers the value of a header by name, null when absent): its
     * parent is the remote span of the {@code traceparent} header; the root context without a valid one.
     */
    public static Context extract(UnaryOperator<String> header) {
        return W3C.extract(Context.root(), header, HeaderGetter.INSTANCE);
    }

    /** The span context {@link #restore} or {@link #extract} found; invalid when there was none. */
    public static SpanContext spanContext(Context context) {
        return Span.fromContext(context).getSpanContext();
    }

    /** The {@code traceparent} (version 00) of a valid span context. */
    public static String traceparent(SpanContext span) {
        if (!span.isValid()) {
            throw new IllegalArgumentException("not a valid span context: " + span);
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The trace id of a {@code traceparent} value; null when it is not one. */
    public static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-') {
            return null;
        }
        return traceparent.substring(3, 35);
    }

    private enum HeaderGetter implements TextMapGetter<UnaryOperator<String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(UnaryOperator<String> carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(UnaryOperator<String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    }
}
