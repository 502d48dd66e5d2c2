package com.example.loyalty.gateway.proxy;

import com.example.loyalty.gateway.web.Problem;
import com.example.loyalty.gateway.web.RequestIds;
import com.example.loyalty.gateway.web.RequestLimits;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Outermost proxy interceptor: when the service cannot be reached (connection refused, reset, DNS)
 * the client gets 502, when it does not answer in time 504, both as problem JSON, instead of the
 * empty 502 the Vert.x proxy sends by default. The service's URL is logged, never returned. A call reset because its
 * body went past the path's limit ({@link BodyLimitInterceptor}) is answered 413.
 */
final class UpstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureInterceptor.class);

    private final String upstream;

    UpstreamFailureInterceptor(String upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            HttpServerRequest request = context.request().proxiedRequest();
            String requestId = request.getHeader(RequestIds.REQUEST_ID);
            Long bodyLimit = context.get(BodyLimitInterceptor.EXCEEDED, Long.class);
            if (bodyLimit != null) {
                // the rest of the body is not read: the connection cannot carry another request
                Problem problem = Problem.of(413, RequestLimits.bodyTooLarge(bodyLimit), request.path(), requestId);
                return Future.succeededFuture(context.request()
                        .release()
                        .response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.CONTENT_TYPE)
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Connection", "close")
                        .setBody(Body.body(problem.toBuffer())));
            }
            boolean timeout = failure instanceof TimeoutException;
            int status = timeout ? 504 : 502;
            LOG.warnf(
                    "%s %s: upstream '%s' failed (%s: %s), answering %d (request id %s)",
                    request.method(),
                    request.path(),
                    upstream,
                    failure.getClass().getSimpleName(),
                    failure.getMessage(),
                    status,
                    requestId);
            String detail = timeout
                    ? "The " + upstream + " service did not answer in time."
                    : "The " + upstream + " service is not reachable.";
            Problem problem = Problem.of(status, detail, request.path(), requestId);
            ProxyResponse response = context.request()
                    .release()
                    .response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.CONTENT_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .setBody(Body.body(problem.toBuffer()));
            return Future.succeededFuture(response);
        });
    }
}
