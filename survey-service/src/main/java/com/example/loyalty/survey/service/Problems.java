package com.example.loyalty.survey.service;

import io.quarkiverse.resteasy.problem.HttpProblem;

import java.net.URI;
import java.util.List;

/** The business errors of survey-service as RFC 9457 problems, each with a stable type URI. */
public final class Problems {

    static final String BASE = "https://loyalty.example.com/problems/";

    private Problems() {
    }

    public static HttpProblem notFound(String kind, String detail) {
        return problem(404, kind, "Not found", detail);
    }

    public static HttpProblem conflict(String kind, String title, String detail) {
        return problem(409, kind, title, detail);
    }

    public static HttpProblem badRequest(String kind, String title, String detail) {
        return problem(400, kind, title, detail);
    }

    public static HttpProblem forbidden(String kind, String title, String detail) {
        return problem(403, kind, title, detail);
    }

    public static HttpProblem unprocessable(String kind, String title, String detail) {
        return problem(422, kind, title, detail);
    }

    /** 422 with an {@code errors} array, one entry per offending question or field. */
    public static HttpProblem invalid(String kind, String title, List<ValidationError> errors) {
        String detail = String.join("; ", errors.stream().map(ValidationError::describe).toList());
        return HttpProblem.builder()
                .withType(URI.create(BASE + kind))
                .withStatus(422)
                .withTitle(title)
                .withDetail(detail)
                .with("errors", errors)
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
                .withType(URI.create(BASE + kind))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }
}
