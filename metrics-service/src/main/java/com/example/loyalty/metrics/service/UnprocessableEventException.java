package com.example.loyalty.metrics.service;

/**
 * An event that parsed as an envelope but cannot be applied because of its content (missing or invalid
 * fields, a schema version this service does not know, a purchase in another currency than the member's
 * earlier ones). Retrying cannot help: the consumer gives it to the dead-letter topic.
 */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
