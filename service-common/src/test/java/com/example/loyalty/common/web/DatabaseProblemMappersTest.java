package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseProblemMappersTest {

    @Test
    void anUnreachableDatabaseIsA503ProblemWithRetryAfter() {
        Response r = DatabaseProblemMappers.toResponse(
                new JDBCConnectionException("x", new SQLException("refused", "08001")), null);
        assertEquals(503, r.getStatus());
        assertEquals(
                String.valueOf(DatabaseProblemMappers.RETRY_AFTER_SECONDS),
                String.valueOf(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        HttpProblem body = (HttpProblem) r.getEntity();
        assertEquals(DatabaseProblemMappers.TYPE, body.getType());
        assertEquals(503, body.getStatusCode());
    }

    @Test
    void anyOtherPersistenceFailureStaysA500() {
        Response r = DatabaseProblemMappers.toResponse(
                new PersistenceException("x", new SQLException("division by zero", "22012")), null);
        assertEquals(500, r.getStatus());
        assertEquals(null, r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }
}
