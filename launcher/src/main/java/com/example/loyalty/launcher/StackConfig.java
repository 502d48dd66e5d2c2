package com.example.loyalty.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the stack keeps its state and which ports it uses. {@link #defaults(Path)} gives the ports of
 * {@code docs/local-stack.md}; the end-to-end tests move them with {@link #withPortOffset(int)}.
 *
 * @param repoRoot       the repository root (the services' jars are {@code <module>/target/quarkus-app/quarkus-run.jar} under it)
 * @param stateDir       data and logs of the stack ({@code postgres/}, {@code kafka/}, {@code keycloak/}, {@code logs/})
 * @param fresh          delete the state directory before starting
 * @param infraOnly      start only PostgreSQL, Kafka and Keycloak
 * @param durable        PostgreSQL with fsync, synchronous commit and full-page writes on, as in production (the
 *                       local default turns them off: the local stack's data is throw-away and its disk is shared)
 * @param statementStats PostgreSQL with {@code pg_stat_statements} loaded (benchmarks with {@code --profile}: the
 *                       database's time by statement, nested ones in triggers included)
 */
public record StackConfig(
        Path repoRoot,
        Path stateDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        int pointsPort,
        int surveysPort,
        int metricsPort,
        int communityPort,
        int gatewayPort,
        boolean fresh,
        boolean infraOnly,
        boolean durable,
        boolean statementStats) {

    public StackConfig {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(stateDir, "stateDir");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    /** The ports of docs/local-stack.md, state in {@code <repoRoot>/.loyalty}, keeping existing data. */
    public static StackConfig defaults(Path repoRoot) {
        return new StackConfig(
                repoRoot,
                repoRoot.resolve(".loyalty"),
                15432,
                9092,
                9093,
                8180,
                9180,
                8081,
                8082,
                8083,
                8084,
                8080,
                false,
                false,
                false,
                false);
    }

    public StackConfig withStateDir(Path dir) {
        return new StackConfig(
                repoRoot,
                dir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                pointsPort,
                surveysPort,
                metricsPort,
                communityPort,
                gatewayPort,
                fresh,
                infraOnly,
                durable,
                statementStats);
    }

    public StackConfig withFresh(boolean value) {
        return new StackConfig(
                repoRoot,
                stateDir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                pointsPort,
                surveysPort,
                metricsPort,
                communityPort,
                gatewayPort,
                value,
                infraOnly,
                durable,
                statementStats);
    }

    public StackConfig withDurable(boolean value) {
        return new StackConfig(
                repoRoot,
                stateDir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                pointsPort,
                surveysPort,
                metricsPort,
                communityPort,
                gatewayPort,
                fresh,
                infraOnly,
                value,
                statementStats);
    }

    public StackConfig withStatementStats(boolean value) {
        return new StackConfig(
                repoRoot,
                stateDir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                pointsPort,
                surveysPort,
                metricsPort,
                communityPort,
                gatewayPort,
                fresh,
                infraOnly,
                durable,
                value);
    }

    public StackConfig withInfraOnly(boolean value) {
        return new StackConfig(
                repoRoot,
                stateDir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                pointsPort,
                surveysPort,
                metricsPort,
                communityPort,
                gatewayPort,
                fresh,
                value,
                durable,
                statementStats);
    }

    /** Every port moved by {@code offset}. */
    public StackConfig withPortOffset(int offset) {
        return new StackConfig(
                repoRoot,
                stateDir,
                postgresPort + offset,
                kafkaPort + offset,
                kafkaControllerPort + offset,
                keycloakPort + offset,
                keycloakManagementPort + offset,
                pointsPort + offset,
                surveysPort + offset,
                metricsPort + offset,
                communityPort + offset,
                gatewayPort + offset,
                fresh,
                infraOnly,
                durable,
                statementStats);
    }

    /** Port by the name of what listens on it, in start order (only the infrastructure when {@link #infraOnly}). */
    public Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(postgresPort, "postgres");
        ports.put(kafkaPort, "kafka");
        ports.put(kafkaControllerPort, "kafka controller");
        ports.put(keycloakPort, "keycloak");
        ports.put(keycloakManagementPort, "keycloak management");
        if (!infraOnly) {
            for (ServiceSpec s : services()) {
                ports.put(s.port(), s.name());
                ports.put(s.managementPort(), s.name() + " management");
            }
        }
        return ports;
    }

    /**
     * How far a service's management interface (health and metrics) is from its API port: the gateway's 8080 has
     * 9080, points-service's 8081 has 9081, and so on (docs/local-stack.md); a port offset moves both.
     */
    public static final int MANAGEMENT_PORT_DISTANCE = 1000;

    /** The four services and the gateway, gateway last. */
    public java.util.List<ServiceSpec> services() {
        return java.util.List.of(
                ServiceSpec.of("points-service", pointsPort, "points"),
                ServiceSpec.of("survey-service", surveysPort, "surveys"),
                ServiceSpec.of("metrics-service", metricsPort, "metrics"),
                ServiceSpec.of("community-service", communityPort, "community"),
                ServiceSpec.of("gateway", gatewayPort, null));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** The token issuer, {@code http://localhost:<keycloakPort>/realms/loyalty}. */
    public String issuerUrl() {
        return keycloakUrl() + "/realms/" + Stack.REALM;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public String serviceUrl(int port) {
        return "http://localhost:" + port;
    }

    /** The management interface (health, metrics) of the service whose API is on {@code apiPort}. */
    public String managementUrl(int apiPort) {
        return serviceUrl(apiPort + MANAGEMENT_PORT_DISTANCE);
    }

    public String gatewayUrl() {
        return serviceUrl(gatewayPort);
    }

    /**
     * A service of the stack: module directory name (also the log name), HTTP port of its API, port of its management
     * interface (health, metrics) and its database ({@code null} for the gateway).
     */
    public record ServiceSpec(String name, int port, int managementPort, String database) {

        static ServiceSpec of(String name, int port, String database) {
            return new ServiceSpec(name, port, port + MANAGEMENT_PORT_DISTANCE, database);
        }
    }
}
