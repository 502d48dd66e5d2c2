package com.example.loyalty.points.repository;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Set-based statements on the current transaction's connection: a whole batch of rows goes to PostgreSQL as one array
 * per column, expanded with {@code unnest}, so a batch of a thousand rows costs one round trip, not a thousand.
 */
final class SqlArrays {

    private SqlArrays() {}

    static <T> T work(EntityManager em, ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    /** Binds {@code values} as an SQL array of element type {@code type} (e.g. uuid, varchar, int8, text). */
    static void bind(PreparedStatement ps, int index, Connection c, String type, Collection<?> values)
            throws SQLException {
        ps.setArray(index, c.createArrayOf(type, values.toArray()));
    }
}
