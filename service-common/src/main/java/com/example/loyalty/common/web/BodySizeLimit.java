package com.example.loyalty.common.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A request body limit of one route, tighter or looser than {@code quarkus.http.limits.max-body-size}, applied from a
 * Vert.x route filter: a declared {@code Content-Length} above the limit is refused at once with a 413 problem (the
 * body is never read); otherwise the limit is handed to Quarkus's HTTP layer and the REST layer's input stream, which
 * cut a chunked body off at it (a 413 too).
 */
public final class BodySizeLimit {

    /** Where Quarkus's HTTP layer and the REST layer's input stream look up a request's size limit. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private BodySizeLimit() {}

    /**
     * Applies {@code limit} to the request: ends it with a 413 problem whose {@code detail} is {@code detail} (and
     * {@code field}, if not null) when its declared length is larger, else passes it on.
     */
    public static void apply(RoutingContext rc, long limit, String detail, String field) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declared(length) > limit) {
            rc.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("{\"type\":\"" + Problems.BASE + "request-too-large\",\"title\":\"Request too large\","
                            + "\"status\":413,\"detail\":\"" + detail + "\""
                            + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}");
            return;
        }
        rc.put(MAX_REQUEST_SIZE_KEY, limit);
        rc.next();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
