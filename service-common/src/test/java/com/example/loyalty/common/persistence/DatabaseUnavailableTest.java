package com.example.loyalty.common.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aRefusedOrBrokenConnectionIsAnOutage() {
        // what the PostgreSQL driver says when nothing listens (08001) and when a pooled connection broke (08006)
        SQLException refused =
                new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException());
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseUnavailable.isConnectionFailure(refused));
        assertTrue(DatabaseUnavailable.isConnectionFailure(new PersistenceException("wrapped", broken)));
        assertTrue(DatabaseUnavailable.isConnectionFailure(new JDBCConnectionException("x", broken)));
        assertTrue(DatabaseUnavailable.isConnectionFailure(new SQLTransientConnectionException("x")));
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertTrue(DatabaseUnavailable.isConnectionFailure(
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.isConnectionFailure(
                new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void anExhaustedPoolIsAnOutage() {
        // Agroal's acquisition timeout has no SQLSTATE; Hibernate wraps it as a generic JDBC exception
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");
        assertTrue(DatabaseUnavailable.isConnectionFailure(
                new GenericJDBCException("Unable to acquire JDBC Connection", timeout)));
    }

    @Test
    void aRefusedStatementIsNot() {
        assertFalse(DatabaseUnavailable.isConnectionFailure(
                new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseUnavailable.isConnectionFailure(new SQLException("division by zero", "22012")));
        assertFalse(DatabaseUnavailable.isConnectionFailure(new PersistenceException("no cause")));
        assertFalse(DatabaseUnavailable.isConnectionFailure(new IllegalStateException("unrelated")));
    }
}
