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
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Outermost proxy interceptor: a failed call to a service becomes a problem JSON answer instead of the empty 502 the
 * Vert.x proxy sends by default. The service's URL is logged, never returned.
 * <ul>
 *   <li>No connection could be opened (refused, connect timeout, unknown host): <b>503</b> with {@code Retry-After}.
 *       The request never left the gateway, so the client may send it again as it was, a POST included, as it may
 *       after the services' own 503 for a database that is away.
 *   <li>The connection failed after the request was sent (reset, closed): <b>502</b>, without {@code Retry-After}:
 *       the service may have acted on it, so only an idempotent request (or one with the same idempotency key) may be
 *       sent again.
 *   <li>No answer within the response timeout: <b>504</b>.
 *   <li>A call reset because its body went past the path's limit ({@link BodyLimitInterceptor}): <b>413</b>.
 * </ul>
 */
final class UpstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureInterceptor.class);

    private final String upstream;
    private final String retryAfterSeconds;

    UpstreamFailureInterceptor(String upstream, Duration unavailableRetryAfter) {
        this.upstream = upstream;
        this.retryAfterSeconds = Long.toString(retryAfterSeconds(unavailableRetryAfter));
    }

    /** Whole seconds, rounded up, at least 1 (RFC 9110 {@code delay-seconds}). */
    static long retryAfterSeconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Whether the call failed before a connection to the service existed: then nothing was sent. */
    static boolean notConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Netty's ConnectTimeoutException and AnnotatedConnectException are ConnectExceptions too
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
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
            int status;
            String detail;
            if (failure instanceof TimeoutException) {
                status = 504;
                detail = "The " + upstream + " service did not answer in time.";
            } else if (notConnected(failure)) {
                status = 503;
                detail = "The " + upstream + " service is not reachable; the request was not passed on and may be "
                        + "sent again after Retry-After.";
            } else {
                status = 502;
                detail = "The connection to the " + upstream + " service failed before it answered; the request may "
                        + "have been carried out.";
            }
            LOG.warnf(
                    "%s %s: upstream '%s' failed (%s: %s), answering %d (request id %s)",
                    request.method(),
                    request.path(),
                    upstream,
                    failure.getClass().getSimpleName(),
                    failure.getMessage(),
                    status,
                    requestId);
            Problem problem = Problem.of(status, detail, request.path(), requestId);
            ProxyResponse response = context.request()
                    .release()
                    .response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.CONTENT_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .setBody(Body.body(problem.toBuffer()));
            if (status == 503) {
                response.putHeader("Retry-After", retryAfterSeconds);
            }
            return Future.succeededFuture(response);
        });
    }
}
