package com.example.loyalty.survey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway migrated the real PostgreSQL at start. */
@QuarkusTest
class MigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void flywayAppliedEveryMigrationAtStart() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> applied = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "select version, description, success from flyway_schema_history where version is not null order by installed_rank")) {
                while (rs.next()) {
                    assertTrue(rs.getBoolean("success"), "migration " + rs.getString("version") + " succeeded");
                    applied.add(rs.getString("version") + " " + rs.getString("description"));
                }
            }
            assertEquals(List.of("1 outbox", "2 surveys", "3 member directory"), applied);
            for (String table : List.of("outbox_event", "survey", "wave", "wave_member", "survey_response",
                    "wave_participation", "member_directory", "processed_event")) {
                try (ResultSet rs = s.executeQuery("select to_regclass('public." + table + "') is not null")) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1), table + " exists");
                }
            }
        }
    }

    @Test
    void oneNamedResponsePerSubjectAndWaveIsAConstraintOfTheDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_constraint where conname = 'survey_response_one_per_member' "
                        + "and contype = 'u'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
