package com.example.loyalty.gateway.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Right after the request context, before CORS, authentication and routing: refuses with a problem what the gateway
 * will not pass on, without reading a byte of the body.
 * <ul>
 * <li>414: a request target longer than {@code gateway.limits.max-url-length};</li>
 * <li>431: headers over {@code gateway.limits.max-header-size};</li>
 * <li>400: a path the gateway and a service could read differently ({@link PathPolicy});</li>
 * <li>413: a {@code Content-Length} over the path's body limit ({@link RequestLimits#maxBodyBytes}); a body without
 * one is counted as it is proxied ({@code BodyLimitInterceptor}).</li>
 * </ul>
 * A request far beyond the limits of the HTTP server itself ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) never gets here: Vert.x answers it 414 or 431 with an empty body before any handler runs.
 */
@ApplicationScoped
public class RequestLimitsHandler implements Handler<RoutingContext> {

    private final RequestLimits limits;

    public RequestLimitsHandler(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestContextHandler.requestId(ctx);
        String uri = request.uri();
        if (uri.length() > limits.maxUrlLength()) {
            // the URL itself is not echoed back
            Problem.of(
                            414,
                            "The URL is longer than the gateway accepts (at most " + limits.maxUrlLength()
                                    + " characters).",
                            null,
                            requestId)
                    .send(request.response());
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            Problem.of(
                            431,
                            "The request headers are larger than the gateway accepts (at most "
                                    + limits.maxHeaderBytes() + " bytes).",
                            request.path(),
                            requestId)
                    .send(request.response());
            return;
        }
        String violation = PathPolicy.violation(uri);
        if (violation != null) {
            Problem.of(400, "The request path is not accepted: " + violation + ".", null, requestId)
                    .send(request.response());
            return;
        }
        String contentLength = request.getHeader("Content-Length");
        if (contentLength != null) {
            long limit = limits.maxBodyBytes(ctx.normalizedPath());
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                Problem.of(400, "The Content-Length header is not a number.", request.path(), requestId)
                        .send(request.response());
                return;
            }
            if (length > limit) {
                // the body is not read: the connection cannot carry another request after this one
                if (request.version() != HttpVersion.HTTP_2) {
                    request.response().putHeader("Connection", "close");
                }
                Problem.of(413, RequestLimits.bodyTooLarge(limit), request.path(), requestId)
                        .send(request.response());
                return;
            }
        }
        ctx.next();
    }
}
