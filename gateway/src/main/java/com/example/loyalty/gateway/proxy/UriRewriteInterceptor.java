package com.example.loyalty.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.function.UnaryOperator;

/** Rewrites the request URI (path and query) before it is sent to the service. */
final class UriRewriteInterceptor implements ProxyInterceptor {

    private final UnaryOperator<String> rewrite;

    UriRewriteInterceptor(UnaryOperator<String> rewrite) {
        this.rewrite = rewrite;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        context.request().setURI(rewrite.apply(context.request().getURI()));
        return context.sendRequest();
    }
}
