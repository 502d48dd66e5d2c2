package com.example.loyalty.points.rest;

import com.example.loyalty.common.web.BodySizeLimit;
import com.example.loyalty.points.config.PointsConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Request body limits per path. {@code quarkus.http.limits.max-body-size} is one limit for the whole service and must
 * let an import file through (points.imports.max-bytes); this keeps every other request to
 * points.imports.other-max-bytes, as before imports existed: a declared length above the limit is refused at once
 * (413), a chunked body is cut off at the limit by the REST layer's input stream.
 */
@ApplicationScoped
public class RequestSizeLimits {

    static final String IMPORTS_PATH = "/api/points/imports";

    void register(@Observes Filters filters, PointsConfig config) {
        long imports = config.imports().maxBytes();
        long others = config.imports().otherMaxBytes();
        // priority 1 = route order -1: after Quarkus's own limit handler (order -2), before the REST layer
        filters.register(rc -> limit(rc, IMPORTS_PATH.equals(rc.normalizedPath()) ? imports : others), 1);
    }

    private static void limit(RoutingContext rc, long limit) {
        BodySizeLimit.apply(rc, limit, "the body may hold at most " + limit + " bytes", null);
    }
}
