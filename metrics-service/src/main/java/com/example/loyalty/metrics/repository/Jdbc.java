package com.example.loyalty.metrics.repository;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the connection of the current Hibernate session (so in the caller's transaction), for the set-based
 * statements JPA cannot express: a whole batch is passed as PostgreSQL arrays and expanded with {@code unnest}, one
 * round trip per table whatever the batch size.
 */
final class Jdbc {

    private Jdbc() {}

    static <T> T work(EntityManager em, ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    static Array array(Connection c, String type, Collection<?> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    static void setArrays(PreparedStatement ps, Connection c, String[] types, Collection<?>[] columns)
            throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            ps.setArray(i + 1, array(c, types[i], columns[i]));
        }
    }
}
