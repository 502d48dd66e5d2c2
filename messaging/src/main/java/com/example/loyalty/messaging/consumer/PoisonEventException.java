package com.example.loyalty.messaging.consumer;

/**
 * A record given up to the consumer's dead-letter topic: thrown out of an {@code @Incoming} method, the channel's
 * {@code failure-strategy=dead-letter-queue} writes the record there (with {@code dead-letter-reason} and
 * {@code dead-letter-cause} headers) and consumption goes on.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
