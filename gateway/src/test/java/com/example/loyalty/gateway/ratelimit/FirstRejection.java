package com.example.loyalty.gateway.ratelimit;

import static org.apache.http.HttpStatus.SC_TOO_MANY_REQUESTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.UUID;
import java.util.function.Function;

/**
 * The first 429 of a run of requests, and how many were let through before it.
 *
 * @param response     the 429
 * @param passed       requests answered before it
 * @param elapsedNanos how long sending them took
 */
record FirstRejection(Response response, int passed, long elapsedNanos) {

    /**
     * Sends requests until the first 429 and returns it (fails if none came within {@code attempts}); every answer
     * before it must have {@code passStatus}. {@code send} gets a fresh request id per request.
     */
    static FirstRejection of(int attempts, int passStatus, Function<String, Response> send) {
        long start = System.nanoTime();
        for (int i = 0; i < attempts; i++) {
            Response response = send.apply("rl-" + UUID.randomUUID());
            if (response.statusCode() == SC_TOO_MANY_REQUESTS) {
                return new FirstRejection(response, i, System.nanoTime() - start);
            }
            assertEquals(passStatus, response.statusCode(), response.asString());
        }
        throw new AssertionError("no 429 after " + attempts + " requests");
    }

    /**
     * At least {@code budget} requests passed, and no more than what can have refilled while they were sent, at
     * one token per second.
     */
    FirstRejection assertBudget(int budget) {
        long refilled = 1 + elapsedNanos / 1_000_000_000L;
        assertTrue(
                passed >= budget && passed <= budget + refilled,
                passed + " passed before the first 429, expected " + budget + " (+ up to " + refilled + " refilled)");
        return this;
    }
}
