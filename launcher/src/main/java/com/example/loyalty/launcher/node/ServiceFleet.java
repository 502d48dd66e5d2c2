package com.example.loyalty.launcher.node;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackConfig.ServiceSpec;
import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.net.HttpProbe;
import com.example.loyalty.launcher.process.Child;
import com.example.loyalty.launcher.process.JvmHeap;
import com.example.loyalty.launcher.process.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The four services and the gateway ({@code <module>/target/quarkus-app/quarkus-run.jar}, one child JVM each),
 * configured through environment variables. All five are launched together; each backend is reported ready when
 * its {@code /q/health/ready} (on its management interface) answers 200, the gateway only after every backend is
 * ready and then its own readiness answers 200, so the gateway's line comes last and {@link #start} returns when the
 * whole fleet can serve.
 */
public final class ServiceFleet {

    /** How long the fleet may take to be ready; system property {@code loyalty.services.ready-timeout-seconds}. */
    private static final Duration TIMEOUT =
            Duration.ofSeconds(Integer.getInteger("loyalty.services.ready-timeout-seconds", 240));

    private final StackConfig config;
    private final Supervisor supervisor;
    private final HttpProbe http;
    private final Consumer<String> progress;
    private final Duration timeout;
    private volatile Map<String, String> extraEnvironment = Map.of();

    public ServiceFleet(StackConfig config, Supervisor supervisor, HttpProbe http, Consumer<String> progress) {
        this(config, supervisor, http, progress, TIMEOUT);
    }

    ServiceFleet(
            StackConfig config, Supervisor supervisor, HttpProbe http, Consumer<String> progress, Duration timeout) {
        this.config = config;
        this.supervisor = supervisor;
        this.http = http;
        this.progress = progress;
        this.timeout = timeout;
    }

    /** The jar of every service by name; throws naming the first one that is not built. */
    public static Map<String, Path> jars(StackConfig config) {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (ServiceSpec s : config.services()) {
            Path jar = config.repoRoot().resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new StackException(s.name() + " is not built: run ./mvnw package -DskipTests");
            }
            jars.put(s.name(), jar);
        }
        return jars;
    }

    /** Launches every service of {@code jars} and waits until the fleet is ready (see the class comment). */
    public void start(Map<String, Path> jars) {
        supervisor.checkNotStopping();
        long t0 = System.nanoTime();
        Map<ServiceSpec, Child> launched = new LinkedHashMap<>();
        for (ServiceSpec s : config.services()) {
            launched.put(
                    s,
                    supervisor.launch(
                            s.name(),
                            command(jars.get(s.name())),
                            withTracing(environment(config, s), System.getenv()),
                            config.stateDir(),
                            supervisor.openLog(s.name()),
                            Child.Kind.SERVICE));
        }
        awaitReady(launched, t0);
    }

    /**
     * Launches the one service {@code name} (after it was stopped or killed) and waits until it is ready; its log is
     * written on, not overwritten.
     */
    public void startOne(String name) {
        startSome(List.of(name));
    }

    /**
     * Launches the services {@code names} together (after they were stopped or killed) and waits until all are ready;
     * their logs are written on, not overwritten.
     */
    public void startSome(List<String> names) {
        supervisor.checkNotStopping();
        long t0 = System.nanoTime();
        Map<String, Path> jars = jars(config);
        Map<ServiceSpec, Child> launched = new LinkedHashMap<>();
        for (String name : names) {
            ServiceSpec s = spec(name);
            Map<String, String> env = withTracing(environment(config, s), System.getenv());
            env.putAll(extraEnvironment);
            launched.put(
                    s,
                    supervisor.launch(
                            s.name(),
                            command(jars.get(name)),
                            env,
                            config.stateDir(),
                            supervisor.appendLog(s.name()),
                            Child.Kind.SERVICE));
        }
        awaitReady(launched, t0);
    }

    /**
     * Settings (environment variables) every service started from now on by {@link #startOne} gets on top of its
     * own, e.g. a short outbox retention for a soak; an empty map goes back to the defaults.
     */
    public void setExtraEnvironment(Map<String, String> env) {
        this.extraEnvironment = Map.copyOf(env);
    }

    /** Whether {@code name} is one of the fleet's services. */
    public boolean has(String name) {
        return config.services().stream().anyMatch(s -> s.name().equals(name));
    }

    private ServiceSpec spec(String name) {
        return config.services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new StackException("no service called " + name));
    }

    /**
     * Polls the readiness of the launched services until all are ready, reporting each; the gateway (the service
     * without a database) is polled only once every backend is ready.
     */
    void awaitReady(Map<ServiceSpec, Child> launched, long t0) {
        Map<ServiceSpec, Child> pending = new LinkedHashMap<>(launched);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            supervisor.checkNotStopping();
            supervisor.checkAlive();
            boolean backendsReady = pending.keySet().stream().allMatch(ServiceFleet::isGateway);
            for (Iterator<ServiceSpec> it = pending.keySet().iterator(); it.hasNext(); ) {
                ServiceSpec s = it.next();
                if (isGateway(s) && !backendsReady) {
                    continue;
                }
                if (http.ok(readinessUrl(config, s))) {
                    progress.accept(Display.ready(s.name(), t0, config.serviceUrl(s.port())));
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw Supervisor.notReady(pending.values().iterator().next(), timeout);
                }
                supervisor.pause();
            }
        }
    }

    /** Where the readiness of {@code s} is asked: its management interface, not its API port. */
    static String readinessUrl(StackConfig config, ServiceSpec s) {
        return config.managementUrl(s.port()) + "/q/health/ready";
    }

    /** The gateway is the service without a database; it proxies to the others. */
    static boolean isGateway(ServiceSpec s) {
        return s.database() == null;
    }

    /**
     * The launcher's environment variable that asks for traces: the OTLP endpoint (e.g. {@code http://localhost:4317}
     * of a local Jaeger or collector) the services and the gateway export their spans to. Unset, they export nothing;
     * the trace context is propagated either way (docs/observability.md).
     */
    public static final String OTLP_ENDPOINT_VARIABLE = "LOYALTY_OTLP_ENDPOINT";

    /** The OTLP endpoint the launcher's environment asks for, if any. */
    public static java.util.Optional<String> otlpEndpoint(Map<String, String> launcherEnvironment) {
        return java.util.Optional.ofNullable(launcherEnvironment.get(OTLP_ENDPOINT_VARIABLE))
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    /** {@code env} plus, when the launcher's environment asks for traces, the services' OTLP endpoint. */
    static Map<String, String> withTracing(Map<String, String> env, Map<String, String> launcherEnvironment) {
        otlpEndpoint(launcherEnvironment).ifPresent(url -> env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", url));
        return env;
    }

    /** The configuration profile the services run with on the local stack. */
    public static final String LOCAL_PROFILE = "local";

    /** {@code java -jar quarkus-run.jar} with the stack's fixed {@link JvmHeap}; the JVM exits on an OutOfMemoryError. */
    static List<String> command(Path jar) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Supervisor.javaExecutable());
        command.addAll(JvmHeap.options());
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        return List.copyOf(command);
    }

    /**
     * The environment of service {@code s}: the {@code local} configuration profile (the local stack's values, such
     * as the development hash key, which a production start must be given instead), its API and management ports, Kafka
     * and the token issuer; a backend gets its database, the gateway the URLs of the four backends and of their
     * management interfaces (where it asks for their readiness).
     */
    static Map<String, String> environment(StackConfig config, ServiceSpec s) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", LOCAL_PROFILE);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(s.managementPort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.issuerUrl());
        if (!isGateway(s)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", Stack.DB_USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", Stack.DB_PASSWORD);
        } else {
            env.put("GATEWAY_UPSTREAMS_POINTS", config.serviceUrl(config.pointsPort()));
            env.put("GATEWAY_UPSTREAMS_SURVEYS", config.serviceUrl(config.surveysPort()));
            env.put("GATEWAY_UPSTREAMS_METRICS", config.serviceUrl(config.metricsPort()));
            env.put("GATEWAY_UPSTREAMS_COMMUNITY", config.serviceUrl(config.communityPort()));
            env.put("GATEWAY_READINESS_UPSTREAMS_POINTS", config.managementUrl(config.pointsPort()));
            env.put("GATEWAY_READINESS_UPSTREAMS_SURVEYS", config.managementUrl(config.surveysPort()));
            env.put("GATEWAY_READINESS_UPSTREAMS_METRICS", config.managementUrl(config.metricsPort()));
            env.put("GATEWAY_READINESS_UPSTREAMS_COMMUNITY", config.managementUrl(config.communityPort()));
        }
        return env;
    }
}
