package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import java.util.UUID;

/**
 * Query-string values parsed by the service, so that a malformed one is a 400 problem naming the parameter (JAX-RS
 * conversion of query parameters would answer 404).
 */
final class Params {

    private Params() {}

    static UUID id(String value, String name) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException("not 36 characters");
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("bad-id", "Bad id", name + " is not a UUID: " + value);
        }
    }

    /** A page size: {@code fallback} when absent, else 1 to {@code max}. */
    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Problems.badRequest("bad-limit", "Bad limit", "limit is a whole number from 1 to " + max);
    }
}
