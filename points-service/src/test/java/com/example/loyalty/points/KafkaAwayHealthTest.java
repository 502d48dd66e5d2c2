package com.example.loyalty.points;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.ManagementInterface;
import com.example.loyalty.testing.PostgresResource;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker is unreachable from the start (production's Kafka settings, nobody listening): points-service still starts,
 * is ready and alive, and takes writes, whose events wait in the outbox. Readiness is the database: without it the
 * service is not ready, and it is again once the database is back.
 */
@QuarkusTest
@TestProfile(ProductionKafka.class)
class KafkaAwayHealthTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DATABASE_CHECK = "Database connections health check";

    @Inject
    AgroalDataSource db;

    private static ValidatableResponse health(String kind) {
        return given().when().get(ManagementInterface.url("/q/health/" + kind)).then();
    }

    @Test
    void startedReadyAndAliveWhileKafkaIsUnreachable() {
        health("started").statusCode(SC_OK).body("status", equalTo("UP"));
        health("ready")
                .statusCode(SC_OK)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
        health("live").statusCode(SC_OK).body("status", equalTo("UP"));
    }

    @Test
    void aWriteIsTakenAndItsEventWaitsInTheOutbox() throws SQLException {
        given().auth()
                .oauth2(TestTokens.newMember())
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED);
        assertTrue(
                count("select count(*) from outbox_event where event_type = 'MemberEnrolled'"
                                + " and published_at is null and parked_at is null")
                        >= 1,
                "the enrolment's event waits in the outbox");
        assertEquals(0, count("select count(*) from outbox_event where published_at is not null"), "nothing sent");
        health("ready").statusCode(SC_OK).body("status", equalTo("UP"));
    }

    @Test
    void notReadyWithoutTheDatabaseAndReadyAgainOnceItIsBack() {
        await().atMost(PATIENCE).untilAsserted(() -> health("ready").statusCode(SC_OK));
        PostgresResource.proxy().cut();
        try {
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> health("ready")
                            .statusCode(SC_SERVICE_UNAVAILABLE)
                            .body("status", equalTo("DOWN"))
                            .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("DOWN")));
            // liveness is not about the database: the pod is not restarted for waiting on it
            health("live").statusCode(SC_OK).body("status", equalTo("UP"));
        } finally {
            PostgresResource.proxy().restore();
        }
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> health("ready").statusCode(SC_OK).body("status", equalTo("UP")));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
