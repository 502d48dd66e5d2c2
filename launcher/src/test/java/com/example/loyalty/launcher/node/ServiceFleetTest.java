package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackConfig.ServiceSpec;
import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.net.HttpProbe;
import com.example.loyalty.launcher.process.Child;
import com.example.loyalty.launcher.process.Supervisor;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFleetTest {

    private static final List<String> BACKENDS =
            List.of("points-service", "survey-service", "metrics-service", "community-service");

    @TempDir
    Path tmp;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    /** What the fake services saw, in order: "points-service 503", "gateway 200", ... */
    private final List<String> answers = new CopyOnWriteArrayList<>();

    private Supervisor supervisor;

    @BeforeEach
    void supervisor() {
        supervisor = new Supervisor(tmp.resolve("logs"), (n, h) -> {}, Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        supervisor.terminate(Child.Kind.SERVICE, Duration.ZERO);
    }

    @Test
    void backendsGetTheirPortKafkaTheIssuerAndTheirDatabase() {
        StackConfig config = StackConfig.defaults(tmp).withPortOffset(100);
        ServiceSpec points = config.services().get(0);
        assertEquals(
                Map.of(
                        "QUARKUS_PROFILE", "local",
                        "QUARKUS_HTTP_PORT", "8181",
                        "QUARKUS_MANAGEMENT_PORT", "9181",
                        "KAFKA_BOOTSTRAP_SERVERS", "localhost:9192",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8280/realms/loyalty",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15532/points",
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD", "postgres"),
                ServiceFleet.environment(config, points));
        ServiceSpec community = config.services().get(3);
        assertEquals(
                "jdbc:postgresql://localhost:15532/community",
                ServiceFleet.environment(config, community).get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("8184", ServiceFleet.environment(config, community).get("QUARKUS_HTTP_PORT"));
        assertEquals("9184", ServiceFleet.environment(config, community).get("QUARKUS_MANAGEMENT_PORT"));
    }

    /** Health is on the management interface of each service, its API port + 1000 (moved by the offset too). */
    @Test
    void readinessIsAskedOnTheManagementInterface() {
        StackConfig config = StackConfig.defaults(tmp).withPortOffset(100);
        assertEquals(
                List.of(
                        "http://localhost:9181/q/health/ready",
                        "http://localhost:9182/q/health/ready",
                        "http://localhost:9183/q/health/ready",
                        "http://localhost:9184/q/health/ready",
                        "http://localhost:9180/q/health/ready"),
                config.services().stream()
                        .map(s -> ServiceFleet.readinessUrl(config, s))
                        .toList());
    }

    @Test
    void theGatewayGetsTheFourUpstreamsAndNoDatabase() {
        StackConfig config = StackConfig.defaults(tmp).withPortOffset(100);
        ServiceSpec gateway = config.services().get(4);
        assertEquals(
                Map.ofEntries(
                        Map.entry("QUARKUS_PROFILE", "local"),
                        Map.entry("QUARKUS_HTTP_PORT", "8180"),
                        Map.entry("QUARKUS_MANAGEMENT_PORT", "9180"),
                        Map.entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9192"),
                        Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8280/realms/loyalty"),
                        Map.entry("GATEWAY_UPSTREAMS_POINTS", "http://localhost:8181"),
                        Map.entry("GATEWAY_UPSTREAMS_SURVEYS", "http://localhost:8182"),
                        Map.entry("GATEWAY_UPSTREAMS_METRICS", "http://localhost:8183"),
                        Map.entry("GATEWAY_UPSTREAMS_COMMUNITY", "http://localhost:8184"),
                        Map.entry("GATEWAY_READINESS_UPSTREAMS_POINTS", "http://localhost:9181"),
                        Map.entry("GATEWAY_READINESS_UPSTREAMS_SURVEYS", "http://localhost:9182"),
                        Map.entry("GATEWAY_READINESS_UPSTREAMS_METRICS", "http://localhost:9183"),
                        Map.entry("GATEWAY_READINESS_UPSTREAMS_COMMUNITY", "http://localhost:9184")),
                ServiceFleet.environment(config, gateway));
    }

    @Test
    void tracesAreExportedOnlyWhenTheLauncherIsGivenAnEndpoint() {
        StackConfig config = StackConfig.defaults(tmp);
        ServiceSpec points = config.services().get(0);
        Map<String, String> asked = ServiceFleet.withTracing(
                ServiceFleet.environment(config, points), Map.of("LOYALTY_OTLP_ENDPOINT", "http://localhost:4317"));
        assertEquals("http://localhost:4317", asked.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        for (Map<String, String> launcher : List.of(Map.<String, String>of(), Map.of("LOYALTY_OTLP_ENDPOINT", " "))) {
            assertEquals(
                    ServiceFleet.environment(config, points),
                    ServiceFleet.withTracing(ServiceFleet.environment(config, points), launcher));
        }
    }

    @Test
    void eachServiceRunsItsJarInAJvmWithAFixedPreTouchedHeap() {
        assertEquals(
                List.of(
                        Supervisor.javaExecutable(),
                        "-Xms512m",
                        "-Xmx512m",
                        "-XX:+AlwaysPreTouch",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        "/repo/gateway/target/quarkus-app/quarkus-run.jar"),
                ServiceFleet.command(Path.of("/repo/gateway/target/quarkus-app/quarkus-run.jar")));
    }

    @Test
    void jarsNamesTheFirstServiceThatIsNotBuilt() throws Exception {
        StackConfig config = StackConfig.defaults(tmp);
        for (String module : List.of("points-service", "survey-service")) {
            Path jar = tmp.resolve(module + "/target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "");
        }
        StackException e = assertThrows(StackException.class, () -> ServiceFleet.jars(config));
        assertEquals("metrics-service is not built: run ./mvnw package -DskipTests", e.getMessage());
    }

    @Test
    void theGatewayIsReadyLastEvenWhenItsOwnReadinessIsUpFirst() throws Exception {
        // the backends answer 503 a few times; the gateway answers 200 from the start
        StackConfig config = fakeFleet(Map.of(
                "points-service", 3, "survey-service", 1, "metrics-service", 4, "community-service", 2, "gateway", 0));

        fleet(config, Duration.ofSeconds(30)).awaitReady(launch(config), System.nanoTime());

        assertReadyLastAfterEveryBackend();
    }

    @Test
    void theGatewayIsReadyLastWhenItsOwnReadinessWaitsForItsUpstreams() throws Exception {
        // the gateway's own readiness may stay DOWN a while after the backends are up
        StackConfig config = fakeFleet(Map.of(
                "points-service", 1, "survey-service", 0, "metrics-service", 2, "community-service", 0, "gateway", 3));

        fleet(config, Duration.ofSeconds(30)).awaitReady(launch(config), System.nanoTime());

        assertReadyLastAfterEveryBackend();
        assertEquals(
                List.of("gateway 503", "gateway 503", "gateway 503", "gateway 200"),
                answers.stream().filter(a -> a.startsWith("gateway")).toList());
    }

    @Test
    void aBackendThatNeverGetsReadyFailsTheStartAndTheGatewayIsNeverReported() throws Exception {
        StackConfig config = fakeFleet(Map.of(
                "points-service",
                0,
                "survey-service",
                0,
                "metrics-service",
                0,
                "community-service",
                Integer.MAX_VALUE,
                "gateway",
                0));
        Map<ServiceSpec, Child> launched = launch(config);

        StackException e = assertThrows(
                StackException.class,
                () -> fleet(config, Duration.ofSeconds(1)).awaitReady(launched, System.nanoTime()));

        assertEquals(
                "community-service was not ready within 1 s, see "
                        + Display.path(tmp.resolve("logs/community-service.log")),
                e.getMessage());
        assertEquals(3, progress.size(), progress.toString());
        assertTrue(progress.stream().noneMatch(l -> l.contains("gateway")), progress.toString());
    }

    @Test
    void aServiceThatExitsFailsTheStart() throws Exception {
        StackConfig config = fakeFleet(Map.of(
                "points-service",
                Integer.MAX_VALUE,
                "survey-service",
                0,
                "metrics-service",
                0,
                "community-service",
                0,
                "gateway",
                0));
        Map<ServiceSpec, Child> launched = new LinkedHashMap<>();
        for (ServiceSpec s : config.services()) {
            List<String> cmd =
                    s.name().equals("points-service") ? List.of("sh", "-c", "exit 1") : List.of("sleep", "60");
            launched.put(
                    s,
                    supervisor.launch(s.name(), cmd, Map.of(), tmp, supervisor.openLog(s.name()), Child.Kind.SERVICE));
        }

        StackException e = assertThrows(
                StackException.class,
                () -> fleet(config, Duration.ofSeconds(30)).awaitReady(launched, System.nanoTime()));

        assertEquals(
                "points-service exited with code 1, see " + Display.path(tmp.resolve("logs/points-service.log")),
                e.getMessage());
    }

    private void assertReadyLastAfterEveryBackend() {
        assertEquals(5, progress.size(), progress.toString());
        for (int i = 0; i < 4; i++) {
            String name = progress.get(i).trim().split("\\s+")[0];
            assertTrue(BACKENDS.contains(name), progress.toString());
        }
        assertTrue(progress.get(4).startsWith("  gateway            ready in "), progress.toString());
        int gatewayUp = answers.indexOf("gateway 200");
        for (String backend : BACKENDS) {
            int up = answers.indexOf(backend + " 200");
            assertTrue(up >= 0 && up < gatewayUp, backend + " was not ready before the gateway: " + answers);
        }
    }

    private ServiceFleet fleet(StackConfig config, Duration timeout) {
        return new ServiceFleet(config, supervisor, new HttpProbe(), progress::add, timeout);
    }

    /** One {@code sleep} child per service, standing in for the service JVMs. */
    private Map<ServiceSpec, Child> launch(StackConfig config) {
        Map<ServiceSpec, Child> launched = new LinkedHashMap<>();
        for (ServiceSpec s : config.services()) {
            launched.put(
                    s,
                    supervisor.launch(
                            s.name(),
                            List.of("sleep", "60"),
                            Map.of(),
                            tmp,
                            supervisor.openLog(s.name()),
                            Child.Kind.SERVICE));
        }
        return launched;
    }

    /**
     * A stack configuration whose services' management interfaces are local HTTP servers: {@code /q/health/ready} of
     * each answers 503 the given number of times, then 200. Nothing listens on the API ports (the management port less
     * {@link StackConfig#MANAGEMENT_PORT_DISTANCE}).
     */
    private StackConfig fakeFleet(Map<String, Integer> downAnswers) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name :
                List.of("points-service", "survey-service", "metrics-service", "community-service", "gateway")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            AtomicInteger down = new AtomicInteger(downAnswers.get(name));
            server.createContext("/q/health/ready", exchange -> {
                int status = down.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0 ? 503 : 200;
                answers.add(name + " " + status);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            servers.add(server);
            ports.put(name, server.getAddress().getPort() - StackConfig.MANAGEMENT_PORT_DISTANCE);
        }
        return new StackConfig(
                tmp,
                tmp,
                1,
                2,
                3,
                4,
                5,
                ports.get("points-service"),
                ports.get("survey-service"),
                ports.get("metrics-service"),
                ports.get("community-service"),
                ports.get("gateway"),
                false,
                false,
                false,
                false);
    }
}
