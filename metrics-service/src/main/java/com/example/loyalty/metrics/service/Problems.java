package com.example.loyalty.metrics.service;

import io.quarkiverse.resteasy.problem.HttpProblem;

import java.net.URI;

/** The business errors of metrics-service as RFC 9457 problems, each with a stable type URI. */
public final class Problems {

    private static final String BASE = "https://loyalty.example.com/problems/";

    private Problems() {
    }

    public static HttpProblem notFound(String kind, String detail) {
        return problem(404, kind, "Not found", detail);
    }

    public static HttpProblem badRequest(String kind, String detail) {
        return problem(400, kind, "Bad request", detail);
    }

    public static HttpProblem conflict(String kind, String detail) {
        return problem(409, kind, "Conflict", detail);
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
