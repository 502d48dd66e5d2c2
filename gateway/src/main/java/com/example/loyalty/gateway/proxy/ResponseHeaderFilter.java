package com.example.loyalty.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import java.util.List;

/**
 * Cleans a service's response before it goes to the client: hop-by-hop headers (RFC 9110 section
 * 7.6.1) are not forwarded, and CORS headers belong to the gateway, which answers for the console's
 * origin itself (a service adding its own would duplicate or contradict them).
 */
final class ResponseHeaderFilter implements ProxyInterceptor {

    private static final List<String> HOP_BY_HOP =
            List.of("connection", "keep-alive", "proxy-authenticate", "proxy-connection", "te", "trailer", "upgrade");

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        String connection = headers.get("connection");
        if (connection != null) {
            for (String token : connection.split(",")) {
                headers.remove(token.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
        for (String name : List.copyOf(headers.names())) {
            if (name.regionMatches(true, 0, "access-control-", 0, "access-control-".length())) {
                headers.remove(name);
            }
        }
        return context.sendResponse();
    }
}
