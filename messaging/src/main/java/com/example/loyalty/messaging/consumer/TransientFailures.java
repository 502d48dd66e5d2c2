package com.example.loyalty.messaging.consumer;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Tells failures that pass by themselves from the others: the database away, restarting or failing over, a
 * connection pool that cannot hand out a connection, a deadlock, a serialization or lock conflict. Such a failure
 * says nothing about the event, so the event must never be dead-lettered for it: {@link EventConsumer} retries it
 * until it passes.
 */
public final class TransientFailures {

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.hibernate.exception.LockAcquisitionException")
                    || name.equals("org.hibernate.PessimisticLockException")
                    || name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("jakarta.persistence.PessimisticLockException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes that describe the server or the connection, not the statement: 08 connection exception,
     * 40 transaction rollback (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention
     * (admin shutdown, cannot connect now), 58 system error, 55P03 lock not available. A pool's acquisition timeout
     * carries no SQLSTATE.
     */
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout")
                    || message.contains("connection is closed")
                    || message.contains("this connection has been closed");
        }
        return state.startsWith("08")
                || state.startsWith("40")
                || state.startsWith("53")
                || state.startsWith("57")
                || state.startsWith("58")
                || state.equals("55P03");
    }
}
