package com.example.loyalty.points.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Reads a body that may be absent (a bare POST), and validates it as a declared body would be. */
@ApplicationScoped
class OptionalBodies {

    private final ObjectMapper json;
    private final Validator validator;

    OptionalBodies(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body as {@code type}, validated; null when there is none (no body, or the JSON {@code null}). */
    <T> T read(String rawBody, Class<T> type) throws JsonProcessingException {
        if (rawBody == null || rawBody.isBlank()) {
            return null;
        }
        T body = json.readValue(rawBody, type);
        if (body == null) {
            return null;
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
