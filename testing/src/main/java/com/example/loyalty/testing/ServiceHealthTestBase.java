package com.example.loyalty.testing;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What every service with a database and Kafka must show, tested the same way in each: readiness covers the database
 * and Kafka, liveness, Prometheus metrics (HTTP timers, the outbox gauges, every metric the monitoring reads), an
 * OpenAPI document with the bearer scheme and the outbox admin path, and Flyway having applied the messaging module's
 * migrations and then the service's own. A service's {@code HealthTest} extends this with {@code @QuarkusTest} and names what is its own.
 */
public abstract class ServiceHealthTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    /** {@code quarkus.application.name}, e.g. {@code points-service}. */
    protected abstract String applicationName();

    /** A GET path under {@code /api} that a member's token may call (any answer but a 5xx). */
    protected abstract String memberApiPath();

    /** The service's own Flyway migrations, as {@code "<version> <description>"}, in order. */
    protected abstract List<String> ownMigrations();

    /** Tables the service's migrations create. */
    protected abstract List<String> ownTables();

    /** {@code /api/<segment>}: the prefix of the service's API (points, surveys, metrics, community). */
    protected abstract String apiSegment();

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(SC_OK)
                        .body("status", equalTo("UP"))
                        .body(
                                "checks.name",
                                hasItems("Database connections health check", "Kafka connection health check"))
                        .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(SC_OK).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusTextWithTheOutboxGauges() {
        // requests to /q/* are not timed; one API call makes the HTTP server timer appear
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get(memberApiPath())
                .then()
                .statusCode(lessThan(500));
        String service = applicationName().replaceFirst("-service$", "");
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(SC_OK)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("loyalty_" + service + "_outbox_pending"))
                .body(containsString("loyalty_" + service + "_outbox_parked"));
    }

    /**
     * Every metric the Grafana dashboard and the alert rules read from this service is exported
     * ({@link MonitoringQueries}). The consumers' Kafka metrics appear once the consumers have joined their group.
     */
    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() {
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get(memberApiPath())
                .then()
                .statusCode(lessThan(500));
        String service = applicationName().replaceFirst("-service$", "");
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(
                        List.of(),
                        MonitoringQueries.missing(service, true, MonitoringQueries.scrape()),
                        "read by k8s/components/monitoring, not exported by " + applicationName()));
    }

    @Test
    void theOpenApiDocumentDescribesTheServiceAndItsOutboxAdmin() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body("info.title", equalTo(applicationName()))
                .body("components.securitySchemes.keySet()", hasItems("SecurityScheme"))
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/" + apiSegment() + "/admin/outbox/parked",
                                "/api/" + apiSegment() + "/admin/outbox/parked/{id}/retry"));
    }

    @Test
    void flywayAppliedTheMessagingTablesThenTheServicesOwn() throws SQLException {
        List<String> expected = new ArrayList<>(List.of("0.1 outbox", "0.2 inbox"));
        expected.addAll(ownMigrations());
        List<String> tables = new ArrayList<>(List.of("outbox_event", "processed_event"));
        tables.addAll(ownTables());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            List<String> applied = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select version, description, success from flyway_schema_history "
                    + "where version is not null order by installed_rank")) {
                while (rs.next()) {
                    assertTrue(rs.getBoolean("success"), "migration " + rs.getString("version") + " succeeded");
                    applied.add(rs.getString("version") + " " + rs.getString("description"));
                }
            }
            assertEquals(expected, applied);
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select to_regclass('public." + table + "') is not null")) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1), table + " exists");
                }
            }
        }
    }
}
