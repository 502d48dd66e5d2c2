package com.example.loyalty.launcher;

/**
 * An expected failure of the stack (a taken port, a missing jar, a child that died, a timeout). Its message is
 * one line meant for a person; the launcher prints it without a stack trace.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
