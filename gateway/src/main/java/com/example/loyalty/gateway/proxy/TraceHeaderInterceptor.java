package com.example.loyalty.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;

/**
 * Leaves the trace headers of the call to the service to OpenTelemetry. The proxy copies the client's request headers,
 * {@code traceparent} included, and OpenTelemetry's client span of the call adds its own {@code traceparent} (and
 * {@code tracestate}, {@code baggage}) when the request is sent: the service would get two. While a span is current
 * (the SDK is on), the copied ones are removed, so the service gets exactly one: the client span's, a child of the
 * gateway's server span. With the SDK off nothing is added, and the copied headers (the client's, or the one the
 * gateway made up) go on.
 */
final class TraceHeaderInterceptor implements ProxyInterceptor {

    private static final List<String> PROPAGATED = List.of("traceparent", "tracestate", "baggage");

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        if (Span.current().getSpanContext().isValid()) {
            PROPAGATED.forEach(context.request().headers()::remove);
        }
        return context.sendRequest();
    }
}
