package com.example.loyalty.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A production start (the packaged service, default profile) without its settings fails at boot with a message that
 * names what is missing (see RequiredSettings), instead of starting against a local database, a Kafka on localhost or
 * with the public development hash key.
 * The local values live in the {@code local} profile that {@code ./loyalty up} selects, and in the test profile.
 */
class ProductionConfigIT {

    private static final Path REPO = Path.of(System.getProperty("loyalty.repo", ".."));

    @ParameterizedTest
    @CsvSource({
        "points-service, QUARKUS_DATASOURCE_PASSWORD, quarkus.datasource.password",
        "points-service, KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrap.servers",
        "points-service, POINTS_MEMBERSHIPS_WEBHOOK_SECRET, points.memberships.webhook-secret",
        "survey-service, QUARKUS_DATASOURCE_JDBC_URL, quarkus.datasource.jdbc.url",
        "survey-service, SURVEYS_SUBJECT_HASH_KEY, SURVEYS_SUBJECT_HASH_KEY",
        "metrics-service, QUARKUS_OIDC_AUTH_SERVER_URL, quarkus.oidc.auth-server-url",
        "community-service, QUARKUS_DATASOURCE_USERNAME, quarkus.datasource.username"
    })
    void aProductionStartWithoutASettingFailsNamingIt(String service, String missing, String named) throws Exception {
        Map<String, String> given = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:1/none",
                "QUARKUS_DATASOURCE_USERNAME", "app",
                "QUARKUS_DATASOURCE_PASSWORD", "secret",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:1/realms/loyalty",
                "SURVEYS_SUBJECT_HASH_KEY", "a-production-secret-of-at-least-32-bytes",
                "POINTS_MEMBERSHIPS_WEBHOOK_SECRET", "a-production-webhook-secret");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-Dquarkus.http.port=0",
                        "-Dquarkus.management.port=0",
                        "-jar",
                        REPO.resolve(service)
                                .resolve("target/quarkus-app/quarkus-run.jar")
                                .toString())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || given.containsKey(k));
        given.forEach((k, v) -> {
            if (!k.equals(missing)) {
                pb.environment().put(k, v);
            }
        });
        Path log = Files.createTempFile("prod-start-" + service, ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(exited, service + " did not stop at boot without " + missing + ":\n" + tail(output));
        assertNotEquals(0, p.exitValue());
        assertTrue(output.contains(named), service + " names " + named + ":\n" + tail(output));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
