package com.example.loyalty.common.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises, anywhere in an exception's cause chain, that the database could not be reached rather than that it
 * refused a statement: a connection refused or broken (SQLSTATE class 08, Hibernate's {@link JDBCConnectionException},
 * JDBC's connection exceptions), a server shutting down or starting up (57P01, 57P02, 57P03), or no pooled connection
 * within the pool's acquisition timeout (Agroal's "acquisition timeout", which carries no SQLSTATE). These are worth
 * retrying a few seconds later; everything else is not.
 */
public final class DatabaseUnavailable {

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {}

    public static boolean isConnectionFailure(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionFailure(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
            return true;
        }
        String message = sql.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
