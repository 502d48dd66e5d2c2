package com.example.loyalty.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14's faults on the real stack, each under a {@link LoadClient load} of earns, redemptions and survey answers
 * through the gateway, each followed by the {@link Invariants invariant check}: {@code kill -9} of points-service, the
 * Kafka broker away for 30 s, PostgreSQL restarted, Keycloak stopped, {@code kill -9} of metrics-service mid-ingest.
 * Runs after every story (it takes parts of the shared stack away) and gives every part back, so the stack is whole
 * again for whatever runs later. How long the load runs around each fault is {@code loyalty.faults.load-seconds}
 * (6 s in every {@code ./mvnw verify}, 60 s in the {@code reliability} profile).
 */
@ExtendWith(LoyaltyStack.class)
@Order(1000)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("loyalty.faults.load-seconds", 6));
    private static final Duration KAFKA_AWAY = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final List<String> BACKENDS =
            List.of("points-service", "survey-service", "metrics-service", "community-service");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static StackConfig config;
    private static Stack stack;
    private static List<LoadClient.Member> members;
    private static Invariants invariants;

    @BeforeAll
    static void membersForTheLoad() {
        config = LoyaltyStack.config();
        stack = LoyaltyStack.stack();
        members = LoadClient.enrolMembers(config, "fault", 8);
        invariants = new Invariants(config, PATIENCE);
    }

    /** Whatever a failed test left away comes back, so that the next test (and the next IT) finds a whole stack. */
    @AfterEach
    void everythingIsBack() {
        for (String name : List.of("postgres", "kafka", "keycloak", "points-service", "metrics-service")) {
            if (!stack.isRunning(name)) {
                stack.startProcess(name);
            }
        }
    }

    @Test
    @Order(1)
    void pointsServiceKilledMidLoadLosesNoAcknowledgedEarnAndDoublesNone() throws Exception {
        Map<String, Long> dlq = invariants.deadLetterBaseline();
        LoadClient load = load();
        load.start();
        Thread.sleep(LOAD.toMillis());

        stack.killProcess("points-service");
        long killedAt = System.nanoTime();
        Thread.sleep(2000);
        stack.startProcess("points-service");
        System.out.printf("[faults] points-service back after kill -9 in %.1f s%n", seconds(killedAt));
        long before = load.acknowledgedCount(LoadClient.Kind.EARN);
        Thread.sleep(LOAD.toMillis());
        load.stop();

        report("kill -9 points-service", load);
        assertTrue(load.acknowledgedCount(LoadClient.Kind.EARN) > before, "earns go on after the restart");
        assertCheck(load, dlq);
    }

    @Test
    @Order(2)
    void kafkaAwayForThirtySecondsKeepsTheApiWritingAndReadyAndEveryEventArrivesOnce() throws Exception {
        Map<String, Long> dlq = invariants.deadLetterBaseline();
        LoadClient load = load();
        load.start();
        Thread.sleep(LOAD.toMillis());

        stack.stopProcess("kafka");
        long before = load.acknowledgedCount(LoadClient.Kind.EARN);
        List<String> notReady = new ArrayList<>();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < KAFKA_AWAY.toNanos()) {
            readiness().forEach((name, status) -> {
                if (status != 200) {
                    notReady.add(name + " " + status);
                }
            });
            Thread.sleep(2000);
        }
        long duringOutage = load.acknowledgedCount(LoadClient.Kind.EARN) - before;
        long waiting = scalar("points", "select count(*) from outbox_event where published_at is null");
        stack.startProcess("kafka");
        Thread.sleep(LOAD.toMillis());
        load.stop();

        report("Kafka away " + KAFKA_AWAY.toSeconds() + " s", load);
        System.out.printf(
                "[faults] during the outage: %d earns acknowledged, %d events waiting in points' outbox%n",
                duringOutage, waiting);
        assertEquals(List.of(), notReady, "every service stays ready without its broker");
        assertTrue(duringOutage > 0, "the API takes writes while the broker is away");
        assertTrue(waiting > 0, "their events wait in the outbox");
        assertCheck(load, dlq);
    }

    @Test
    @Order(3)
    void postgresRestartedServicesRecoverWithoutRestartAndCallersGet503NotA500() throws Exception {
        Map<String, Long> dlq = invariants.deadLetterBaseline();
        Map<String, Long> pids = servicePids();
        LoadClient load = load();
        load.start();
        Thread.sleep(LOAD.toMillis());

        stack.stopProcess("postgres");
        List<HttpResponse<String>> duringOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            duringOutage.add(purchaseDirectlyAsStaff());
            Thread.sleep(1000);
        }
        stack.startProcess("postgres");
        long t0 = System.nanoTime();
        while (readiness().values().stream().anyMatch(s -> s != 200)) {
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(120).toNanos(), "ready again: " + readiness());
            Thread.sleep(500);
        }
        System.out.printf("[faults] every service ready %.1f s after PostgreSQL was back%n", seconds(t0));
        Thread.sleep(LOAD.toMillis());
        load.stop();

        report("PostgreSQL restarted", load);
        for (HttpResponse<String> r : duringOutage) {
            System.out.printf(
                    "[faults] during the outage: %d %s Retry-After=%s %s%n",
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse("-"),
                    r.body());
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertTrue(
                    r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    "problem JSON");
        }
        assertEquals(0, load.serverErrors(), "no 500 while the database was away: " + load.statuses());
        assertEquals(pids, servicePids(), "the services recovered without a restart");
        assertCheck(load, dlq);
    }

    @Test
    @Order(4)
    void keycloakStoppedIssuedTokensKeepWorkingNewLoginsFailAndServicesStayUp() throws Exception {
        Map<String, Long> dlq = invariants.deadLetterBaseline();
        LoadClient load = load();
        load.start();
        // a token issued now but shown to no service before Keycloak is gone: only the cached keys can verify it
        String unseen = LoadClient.login(config, members.get(0).user());
        Thread.sleep(LOAD.toMillis());

        stack.stopProcess("keycloak");
        long before = load.acknowledgedCount(LoadClient.Kind.EARN);
        Thread.sleep(LOAD.toMillis());
        HttpResponse<String> me = HTTP.send(
                HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/points/members/me"))
                        .header("Authorization", "Bearer " + unseen)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        IOException login = assertThrows(
                IOException.class, () -> LoadClient.login(config, members.get(1).user()));
        Map<String, Integer> ready = readiness();
        long duringOutage = load.acknowledgedCount(LoadClient.Kind.EARN) - before;
        stack.startProcess("keycloak");
        load.stop();

        report("Keycloak stopped", load);
        System.out.printf(
                "[faults] Keycloak away: unseen token -> %d; new login -> %s; readiness %s; %d earns acknowledged%n",
                me.statusCode(), login, ready, duringOutage);
        assertEquals(200, me.statusCode(), "a token issued before the outage works: " + me.body());
        assertTrue(ready.values().stream().allMatch(s -> s == 200), "services stay up: " + ready);
        assertTrue(duringOutage > 0, "the load goes on with the tokens it holds");
        assertNotNull(LoadClient.login(config, members.get(1).user()), "logins work again once Keycloak is back");
        assertCheck(load, dlq);
    }

    @Test
    @Order(5)
    void metricsServiceKilledMidIngestAggregatesEqualARecountOfTheSourceEvents() throws Exception {
        Map<String, Long> dlq = invariants.deadLetterBaseline();
        LoadClient load = load();
        load.start();
        Thread.sleep(LOAD.toMillis());

        long applied = scalar("metrics", "select count(*) from processed_event");
        Thread.sleep(1500);
        long ingesting = scalar("metrics", "select count(*) from processed_event") - applied;
        stack.killProcess("metrics-service");
        Thread.sleep(3000);
        stack.startProcess("metrics-service");
        Thread.sleep(LOAD.toMillis());
        load.stop();

        report("kill -9 metrics-service", load);
        assertTrue(ingesting > 0, "metrics-service was ingesting when it was killed");
        assertCheck(load, dlq);
        Invariants.Report recount = invariants.recount(load);
        System.out.println("[faults] recount after kill -9 metrics-service:\n" + recount);
        assertTrue(recount.passed(), recount.toString());
    }

    // ---- helpers ----

    private static LoadClient load() {
        return new LoadClient(config, members, LoadClient.Settings.of(4, 12));
    }

    private static void report(String fault, LoadClient load) {
        System.out.println("[faults] " + fault + ": " + load.summary());
        assertEquals(List.of(), load.unexpected(), "answers the load did not expect");
        assertEquals(List.of(), load.givenUp(), "requests given up");
    }

    private static void assertCheck(LoadClient load, Map<String, Long> dlq) {
        Invariants.Report report = invariants.check(load, dlq);
        System.out.println("[faults] invariant check:\n" + report);
        assertTrue(report.passed(), report.toString());
    }

    /** A purchase straight from a till to the gateway, outside the load (no retry). */
    private static HttpResponse<String> purchaseDirectlyAsStaff() throws IOException, InterruptedException {
        String body = "{\"transactionId\":\"outage-" + UUID.randomUUID() + "\",\"cardCode\":\""
                + members.get(0).cardCode() + "\",\"amount\":1000,\"currency\":\"JPY\",\"storeId\":\"S001\","
                + "\"channel\":\"STORE\",\"occurredAt\":\"" + Instant.now().minus(1, ChronoUnit.MINUTES) + "\"}";
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/points/purchases"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + Tokens.accessToken(config, "staff1"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The readiness status of every service and the gateway ({@code -1}: no answer). */
    static Map<String, Integer> readiness() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (StackConfig.ServiceSpec s : config.services()) {
            int status;
            try {
                status = HTTP.send(
                                HttpRequest.newBuilder(URI.create(config.managementUrl(s.port()) + "/q/health/ready"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -1;
            }
            statuses.put(s.name(), status);
        }
        return statuses;
    }

    private static Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
        pids.keySet().retainAll(BACKENDS);
        assertFalse(pids.isEmpty());
        return pids;
    }

    private static long scalar(String database, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(config.jdbcUrl(database), "postgres", "postgres");
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
