package com.example.loyalty.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void theDatabaseAwayIsTransientWhereverItSitsInTheCauseChain() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(
                "tx",
                new RuntimeException(
                        new SQLException("terminating connection due to administrator command", "57P01")))));
        assertTrue(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void conflictsBetweenTransactionsAreTransient() {
        assertTrue(TransientFailures.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("lock not available", "55P03")));
    }

    @Test
    void whatTheStatementOrTheCodeGotWrongIsNot() {
        assertFalse(TransientFailures.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailures.isTransient(new SQLException("value too long", "22001")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new UnprocessableEventException("bad payload")));
    }
}
