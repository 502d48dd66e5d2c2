package com.example.loyalty.survey.rest;

import com.example.loyalty.common.web.BodySizeLimit;
import com.example.loyalty.survey.config.SurveysConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * The body limit of survey responses ({@code surveys.answers.max-body}): a POST to {@code /api/surveys/{id}/responses}
 * declaring a longer body is refused at once with a 413 problem, before anything reads it; a chunked one is cut off at
 * the limit by the REST layer's input stream (a 413 too). Other requests keep Quarkus's limit
 * ({@code quarkus.http.limits.max-body-size}): survey definitions may legitimately be larger.
 */
@ApplicationScoped
public class ResponseBodyLimit {

    private static final Pattern RESPONSES = Pattern.compile("/api/surveys/[^/]+/responses/?");

    void register(@Observes Filters filters, SurveysConfig config) {
        long limit = config.answers().maxBody().asLongValue();
        // priority 3 = route order -3: before Quarkus's own limit handler (order -2) and the REST layer
        filters.register(
                rc -> {
                    if (rc.request().method() == HttpMethod.POST
                            && RESPONSES.matcher(rc.normalizedPath()).matches()) {
                        limit(rc, limit);
                    } else {
                        rc.next();
                    }
                },
                3);
    }

    private static void limit(RoutingContext rc, long limit) {
        BodySizeLimit.apply(rc, limit, "a survey response may hold at most " + limit + " bytes", "body");
    }
}
