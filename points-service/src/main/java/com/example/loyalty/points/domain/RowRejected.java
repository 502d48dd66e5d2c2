package com.example.loyalty.points.domain;

/** One line of an imported file that cannot go in, and why; the other lines still go in. */
public record RowRejected(long line, String message) {

    /** Longest reason kept (the column is 500 characters). */
    public static final int MAX_MESSAGE = 500;

    public RowRejected {
        if (message == null) {
            message = "rejected";
        } else if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 3) + "...";
        }
    }
}
