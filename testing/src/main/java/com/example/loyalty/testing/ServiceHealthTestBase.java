package com.example.loyalty.testing;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
 * What every service with a database and Kafka must show, tested the same way in each: health and metrics on the
 * management interface only (never on the API port); readiness and startup that cover the database but not Kafka (a
 * broker outage must not take the service out of rotation: the outbox keeps taking writes), liveness that watches
 * every Kafka channel; Prometheus metrics (HTTP timers, the outbox gauges, every
 * metric the monitoring reads), an OpenAPI document on the API port with
 * the bearer scheme and the outbox admin path, and Flyway having applied the messaging module's migrations and then
 * the service's own. A service's {@code HealthTest} extends this with {@code @QuarkusTest} and names what is its own.
 */
public abstract class ServiceHealthTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DATABASE_CHECK = "Database connections health check";
    private static final String MESSAGING_CHECK = "SmallRye Reactive Messaging - %s check";

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

    /** Every Kafka channel of the service ({@code mp.messaging.incoming.*} and {@code outgoing.*}). */
    protected abstract List<String> kafkaChannels();

    @Test
    void readinessCoversTheDatabaseButNotKafka() {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().when()
                        .get(ManagementInterface.url("/q/health/ready"))
                        .then()
                        .statusCode(SC_OK)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItem(DATABASE_CHECK))
                        .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"))
                        .body("checks.name", not(hasItem("Kafka connection health check")))
                        .body(channelsOf("readiness"), anyOf(nullValue(), anEmptyMap())));
    }

    @Test
    void startupDoesNotWaitForKafka() {
        given().when()
                .get(ManagementInterface.url("/q/health/started"))
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("UP"))
                .body(channelsOf("startup"), anyOf(nullValue(), anEmptyMap()));
    }

    @Test
    void livenessWatchesEveryKafkaChannel() {
        var live = given().when()
                .get(ManagementInterface.url("/q/health/live"))
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("UP"));
        List<String> channels = kafkaChannels();
        live.body(channelsOf("liveness") + ".keySet()", containsInAnyOrder(channels.toArray()));
    }

    @Test
    void theApiPortServesNeitherHealthNorMetrics() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().when().get(path).then().statusCode(SC_NOT_FOUND);
        }
    }

    /** The GPath of the channels a messaging health check of the given kind reports. */
    private static String channelsOf(String kind) {
        return "checks.find { it.name == '" + MESSAGING_CHECK.formatted(kind) + "' }.data";
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
                .get(ManagementInterface.url("/q/metrics"))
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
        List<String> expected = new ArrayList<>(List.of("0.1 outbox", "0.2 inbox", "0.3 outbox trace context"));
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
