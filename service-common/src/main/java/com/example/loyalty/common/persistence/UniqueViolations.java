package com.example.loyalty.common.persistence;

import java.sql.SQLException;

/** Recognises PostgreSQL's unique-violation (SQLSTATE 23505) anywhere in an exception's cause chain. */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
