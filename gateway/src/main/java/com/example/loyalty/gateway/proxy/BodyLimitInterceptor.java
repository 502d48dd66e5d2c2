package com.example.loyalty.gateway.proxy;

import com.example.loyalty.gateway.web.RequestLimits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Counts the bytes of a request body that came without {@code Content-Length} (chunked) as they are streamed to the
 * service: past the path's limit the stream fails, the call to the service is reset, and
 * {@link UpstreamFailureInterceptor} answers 413 (the context attribute {@link #EXCEEDED} holds the limit). A body with
 * a {@code Content-Length} over the limit never gets here ({@code RequestLimitsHandler}).
 */
final class BodyLimitInterceptor implements ProxyInterceptor {

    /** {@link ProxyContext} attribute: the limit (a {@code Long}) the body went past. */
    static final String EXCEEDED = "gateway.body-limit-exceeded";

    private final RequestLimits limits;

    BodyLimitInterceptor(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body != null && body.length() < 0) {
            long limit = limits.maxBodyBytes(request.proxiedRequest().path());
            request.setBody(Body.body(new CappedStream(body.stream(), limit, () -> context.set(EXCEEDED, limit)), -1));
        }
        return context.sendRequest();
    }

    /** The body stream, failing once more than {@code limit} bytes went through. */
    static final class CappedStream implements ReadStream<Buffer> {

        private final ReadStream<Buffer> delegate;
        private final long limit;
        private final Runnable onExceeded;
        private Handler<Throwable> exceptionHandler;
        private long count;
        private boolean exceeded;

        CappedStream(ReadStream<Buffer> delegate, long limit, Runnable onExceeded) {
            this.delegate = delegate;
            this.limit = limit;
            this.onExceeded = onExceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            delegate.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                delegate.handler(null);
                return this;
            }
            delegate.handler(buffer -> {
                if (exceeded) {
                    return;
                }
                count += buffer.length();
                if (count > limit) {
                    exceeded = true;
                    onExceeded.run();
                    delegate.pause();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("request body over " + limit + " bytes"));
                    }
                    return;
                }
                handler.handle(buffer);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            delegate.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            if (!exceeded) {
                delegate.resume();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (!exceeded) {
                delegate.fetch(amount);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            delegate.endHandler(
                    endHandler == null
                            ? null
                            : v -> {
                                if (!exceeded) {
                                    endHandler.handle(v);
                                }
                            });
            return this;
        }
    }
}
