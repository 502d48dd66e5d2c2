package com.example.loyalty.community;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway migrated the real PostgreSQL at start. */
@QuarkusTest
class MigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void flywayAppliedTheBaselineAtStart() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "select version, description, success from flyway_schema_history where version is not null order by installed_rank")) {
                assertTrue(rs.next(), "flyway_schema_history has a versioned migration");
                assertEquals("1", rs.getString("version"));
                assertEquals("outbox", rs.getString("description"));
                assertTrue(rs.getBoolean("success"));
            }
            try (ResultSet rs = s.executeQuery("select to_regclass('public.outbox_event') is not null")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1), "outbox_event exists");
            }
        }
    }
}
