package com.example.loyalty.common.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;
import java.util.List;

/**
 * The business errors of every service as RFC 9457 problems (answered as {@code application/problem+json} by
 * quarkus-resteasy-problem). One signature for every status, {@code (kind, title, detail)}: the kind becomes the
 * stable type URI {@code https://loyalty.example.com/problems/<kind>} that clients and metric tags use.
 */
public final class Problems {

    /** Prefix of every problem type URI. */
    public static final String BASE = "https://loyalty.example.com/problems/";
    /** Most field errors a 422 lists; the rest are only counted. */
    public static final int MAX_FIELD_ERRORS = 50;
    /** Longest text of one field error (field name or message). */
    public static final int MAX_FIELD_ERROR_CHARS = 300;

    private Problems() {}

    public static HttpProblem badRequest(String kind, String title, String detail) {
        return problem(400, kind, title, detail);
    }

    public static HttpProblem forbidden(String kind, String title, String detail) {
        return problem(403, kind, title, detail);
    }

    public static HttpProblem notFound(String kind, String title, String detail) {
        return problem(404, kind, title, detail);
    }

    public static HttpProblem conflict(String kind, String title, String detail) {
        return problem(409, kind, title, detail);
    }

    public static HttpProblem unprocessable(String kind, String title, String detail) {
        return problem(422, kind, title, detail);
    }

    /**
     * 422 with an {@code errors} array, one entry per offending field, and {@code errorCount}. The body stays
     * bounded whatever was sent: at most {@link #MAX_FIELD_ERRORS} errors are listed, each text cut to
     * {@link #MAX_FIELD_ERROR_CHARS} characters, and {@code detail} names only the first (each error is listed once).
     */
    public static HttpProblem invalid(String kind, String title, List<? extends FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a 422 with field errors needs at least one error");
        }
        List<FieldError> shown = errors.stream()
                .limit(MAX_FIELD_ERRORS)
                .map(e -> e.truncated(MAX_FIELD_ERROR_CHARS))
                .toList();
        int more = errors.size() - 1;
        String detail = shown.get(0).describe() + (more == 0 ? "" : " (and " + more + " more)");
        return HttpProblem.builder()
                .withType(type(kind))
                .withStatus(422)
                .withTitle(title)
                .withDetail(detail)
                .with("errors", shown)
                .with("errorCount", errors.size())
                .build();
    }

    /** The kind of a problem made here (the last segment of its type URI), for low-cardinality metric tags. */
    public static String kindOf(HttpProblem problem) {
        URI type = problem.getType();
        if (type == null || !type.toString().startsWith(BASE)) {
            return "other";
        }
        return type.toString().substring(BASE.length());
    }

    private static HttpProblem problem(int status, String kind, String title, String detail) {
        return HttpProblem.builder()
                .withType(type(kind))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }

    private static URI type(String kind) {
        return URI.create(BASE + kind);
    }
}
