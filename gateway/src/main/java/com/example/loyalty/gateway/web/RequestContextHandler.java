package com.example.loyalty.gateway.web;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.example.loyalty.gateway.config.Upstream;
import com.example.loyalty.gateway.metrics.GatewayMetrics;
import com.example.loyalty.observability.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * First gateway handler on every request, before CORS and security:
 * <ul>
 * <li>removes headers a client must not set ({@code gateway.headers.strip}) and sets
 * {@code X-Forwarded-For/Proto/Host} itself;</li>
 * <li>keeps a sane client {@code X-Request-Id} or generates a UUID; both it and the {@code traceparent} of the
 * request's trace go upstream in the request headers and are echoed on every response, including the gateway's own
 * 401/429/502. The trace is OpenTelemetry's: the server span of this request, a child of a valid client
 * {@code traceparent} or the first span of a new trace ({@code tracestate} is dropped with an invalid
 * {@code traceparent}); the proxied call to the service is its child span and carries its own {@code traceparent}.
 * With the OpenTelemetry SDK disabled, a valid client {@code traceparent} is passed on as it is, else one is made
 * up;</li>
 * <li>counts {@code /api/**} answers in {@code loyalty.gateway.requests}.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestContextHandler implements Handler<RoutingContext> {

    /** Routing-context key of the request id. */
    public static final String REQUEST_ID_KEY = "gateway.request-id";
    /** Routing-context key of the upstream name an {@code /api/**} path belongs to. */
    public static final String UPSTREAM_KEY = "gateway.upstream";

    private static final Logger LOG = Logger.getLogger(RequestContextHandler.class);

    private final ClientHeaderPolicy headerPolicy;
    private final List<String> upstreamNames;
    private final GatewayMetrics metrics;

    public RequestContextHandler(GatewayConfig config, GatewayMetrics metrics) {
        this.headerPolicy = new ClientHeaderPolicy(config.headers().strip());
        this.upstreamNames =
                Upstream.all(config.upstreams()).stream().map(Upstream::name).toList();
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        MultiMap headers = request.headers();

        List<String> removed = headerPolicy.strip(headers);
        if (!removed.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debugf("Removed client headers %s from %s %s", removed, request.method(), request.path());
        }
        headers.set(
                "X-Forwarded-For",
                request.remoteAddress() == null
                        ? "unknown"
                        : request.remoteAddress().host());
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }

        String requestId = headers.get(RequestIds.REQUEST_ID);
        if (!RequestIds.isSaneRequestId(requestId)) {
            requestId = RequestIds.newRequestId();
            headers.set(RequestIds.REQUEST_ID, requestId);
        }
        String traceparent = headers.get(RequestIds.TRACEPARENT);
        boolean clientTrace = RequestIds.isValidTraceparent(traceparent);
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            // OpenTelemetry's server span of this request, which continues the client's trace or starts one
            traceparent = TraceContexts.traceparent(span);
            headers.set(RequestIds.TRACEPARENT, traceparent);
        } else if (!clientTrace) {
            traceparent = RequestIds.newTraceparent();
            headers.set(RequestIds.TRACEPARENT, traceparent);
        }
        if (!clientTrace) {
            headers.remove(RequestIds.TRACESTATE);
        }
        ctx.put(REQUEST_ID_KEY, requestId);

        String finalRequestId = requestId;
        String finalTraceparent = traceparent;
        ctx.addHeadersEndHandler(v -> ctx.response()
                .headers()
                .set(RequestIds.REQUEST_ID, finalRequestId)
                .set(RequestIds.TRACEPARENT, finalTraceparent));

        String upstream = apiUpstream(ctx.normalizedPath());
        if (upstream != null) {
            ctx.put(UPSTREAM_KEY, upstream);
            ctx.addEndHandler(
                    ar -> metrics.requestCompleted(upstream, ctx.response().getStatusCode()));
        }
        ctx.next();
    }

    /** The upstream an {@code /api/<name>[/...]} path belongs to, {@code unknown} for other /api paths, else null. */
    String apiUpstream(String path) {
        if (path == null || !(path.equals("/api") || path.startsWith("/api/"))) {
            return null;
        }
        String rest = path.length() > 5 ? path.substring(5) : "";
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return upstreamNames.contains(segment) ? segment : GatewayMetrics.UNKNOWN_UPSTREAM;
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID_KEY);
    }
}
