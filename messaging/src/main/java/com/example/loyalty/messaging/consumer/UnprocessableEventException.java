package com.example.loyalty.messaging.consumer;

/**
 * An event whose content cannot be applied (a missing field, a member id that is not a UUID, a schema version this
 * service does not know): retrying cannot help, so {@link EventConsumer} sends it to the consumer's dead-letter topic
 * at once, where it can be replayed after a fix. Thrown by a handler; the transaction it ran in is rolled back.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
