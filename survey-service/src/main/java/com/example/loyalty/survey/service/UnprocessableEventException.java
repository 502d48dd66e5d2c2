package com.example.loyalty.survey.service;

/** An event whose content cannot be applied (bad member id, unsupported schema version); retrying will not help. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
