package com.example.loyalty.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * A {@code Content-Type} header that is not a media type at all ({@code garbage}, {@code application/}) is the
 * client's error: a 415 problem, before the REST layer, whose parser throws an {@link IllegalArgumentException} for it
 * that would otherwise end as a 500. Likewise an {@code Accept} header that is not a list of media ranges: a 400
 * problem. A well-formed type the endpoint does not take still gets the REST layer's own 415 or 406.
 */
@ApplicationScoped
public class MalformedMediaTypes {

    static final String TYPE = Problems.BASE + "malformed-content-type";
    static final String ACCEPT_TYPE = Problems.BASE + "malformed-accept";

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank() && !parses(contentType)) {
            refuse(ctx, 415, TYPE, "Unsupported Media Type", "the Content-Type header is not a media type");
            return;
        }
        for (String accept : ctx.request().headers().getAll(HttpHeaders.ACCEPT)) {
            if (!acceptParses(accept)) {
                refuse(ctx, 400, ACCEPT_TYPE, "Bad Request", "the Accept header is not a list of media ranges");
                return;
            }
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(problem.encode());
    }

    static boolean acceptParses(String accept) {
        for (String range : accept.split(",")) {
            if (!range.isBlank() && !parses(range.trim())) {
                return false;
            }
        }
        return true;
    }

    static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
