package com.example.loyalty.launcher.node;

import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.net.Ports;
import com.example.loyalty.launcher.process.Child;
import com.example.loyalty.launcher.process.JvmHeap;
import com.example.loyalty.launcher.process.ProcessTrees;
import com.example.loyalty.launcher.process.Supervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka broker: one combined KRaft broker + controller in a child JVM, configured by {@link KafkaFiles} in
 * {@code <state>/kafka}. The storage is formatted on the first start; the broker is ready when an admin client sees
 * it in the cluster.
 */
public final class KafkaNode {

    public static final String NAME = "kafka";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(180);
    /**
     * How long the broker may take to answer (a busy 2-core machine has taken over 90 s from launch to its first
     * listener); system property {@code loyalty.kafka.ready-timeout-seconds}.
     */
    private static final Duration TIMEOUT =
            Duration.ofSeconds(Integer.getInteger("loyalty.kafka.ready-timeout-seconds", 180));

    private final StackConfig config;
    private final Supervisor supervisor;
    private final Consumer<String> progress;

    public KafkaNode(StackConfig config, Supervisor supervisor, Consumer<String> progress) {
        this.config = config;
        this.supervisor = supervisor;
        this.progress = progress;
    }

    /** Writes the configuration, formats the storage when new, starts the broker and waits until it is ready. */
    public void start() {
        start(supervisor.openLog(NAME));
    }

    /** Starts the broker again after {@link #stop()}, on the same data, writing on in its log. */
    public void startAgain() {
        start(supervisor.appendLog(NAME));
    }

    /** Stops the broker (SIGTERM: a controlled shutdown, then SIGKILL after 20 s); the stack stays up. */
    public void stop() {
        supervisor.stop(NAME, Duration.ofSeconds(20));
    }

    private void start(Path log) {
        supervisor.checkNotStopping();
        long t0 = System.nanoTime();
        Path dir = dir();
        writeConfiguration();
        String classpath = kafkaClasspath();
        List<String> jvm = jvm(classpath);
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(tool(classpath), clusterId(dir.resolve("cluster.id")), log);
        }
        List<String> run = new ArrayList<>(jvm);
        run.addAll(List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
        Child kafka = supervisor.launch(NAME, run, Map.of(), dir, log, Child.Kind.INFRA);
        awaitBroker(kafka);
        progress.accept(Display.ready(NAME, t0, config.kafkaBootstrapServers()));
    }

    Path dir() {
        return config.stateDir().resolve("kafka");
    }

    /** Writes {@code server.properties} and {@code log4j2.xml} (every start: the ports may have moved). */
    void writeConfiguration() {
        Path dir = dir();
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
            Files.writeString(
                    dir.resolve("server.properties"),
                    KafkaFiles.serverProperties(config.kafkaPort(), config.kafkaControllerPort(), data));
            Files.writeString(dir.resolve("log4j2.xml"), KafkaFiles.log4j2Xml());
        } catch (IOException e) {
            throw new StackException(
                    "cannot write the Kafka configuration in " + Display.path(dir) + ": " + e.getMessage(), e);
        }
    }

    /** The JVM part of the broker's command line, up to the main class, with the stack's fixed {@link JvmHeap}. */
    List<String> jvm(String classpath) {
        return java(JvmHeap.options(), classpath);
    }

    /** The JVM part of the storage tool's command line: a one-shot formatter, so a small heap, not touched. */
    List<String> tool(String classpath) {
        return java(List.of("-Xmx128m"), classpath);
    }

    private List<String> java(List<String> heap, String classpath) {
        List<String> java = new ArrayList<>();
        java.add(Supervisor.javaExecutable());
        java.addAll(heap);
        java.addAll(List.of(
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir().resolve("log4j2.xml"),
                "-Dkafka.logs.dir=" + config.stateDir().resolve("logs"),
                "-cp",
                classpath));
        return List.copyOf(java);
    }

    private void format(List<String> jvm, String clusterId, Path log) {
        List<String> format = new ArrayList<>(jvm);
        format.addAll(List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                dir().resolve("server.properties").toString(),
                "--ignore-formatted"));
        Process p = Supervisor.spawn(format, Map.of(), dir(), log);
        try {
            long deadline = System.nanoTime() + FORMAT_TIMEOUT.toNanos();
            while (!p.waitFor(supervisor.poll().toMillis(), TimeUnit.MILLISECONDS)) {
                if (supervisor.isStopping() || System.nanoTime() > deadline) {
                    ProcessTrees.terminate(List.of(p.toHandle()), Duration.ofSeconds(2));
                    supervisor.checkNotStopping();
                    throw new StackException("formatting the Kafka storage took longer than "
                            + FORMAT_TIMEOUT.toSeconds() + " s, see " + Display.path(log));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTrees.terminate(List.of(p.toHandle()), Duration.ofSeconds(2));
            throw new StackException("interrupted while formatting the Kafka storage");
        }
        if (p.exitValue() != 0) {
            throw new StackException(
                    "formatting the Kafka storage failed (exit code " + p.exitValue() + "), see " + Display.path(log));
        }
    }

    private void awaitBroker(Child kafka) {
        Admin[] admin = new Admin[1];
        try {
            supervisor.awaitReady(kafka, TIMEOUT, () -> {
                if (!Ports.isOpen(config.kafkaPort())) {
                    return false;
                }
                if (admin[0] == null) {
                    admin[0] = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            config.kafkaBootstrapServers(),
                            AdminClientConfig.CLIENT_ID_CONFIG,
                            "loyalty-launcher",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            3000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            3000));
                }
                try {
                    return !admin[0].describeCluster()
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            if (admin[0] != null) {
                admin[0].close(Duration.ofSeconds(2));
            }
        }
    }

    /** The cluster id kept in {@code file}, created (a random Kafka UUID) on the first call. */
    static String clusterId(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The class path of the Kafka child JVM: the system property {@code loyalty.kafka.classpath} when set (the
     * end-to-end tests), else {@code <dir>/*} when the Kafka jar sits in the launcher's {@code lib/} directory, else
     * this JVM's class path (a jar there may list the rest in its manifest).
     */
    static String kafkaClasspath() {
        String override = System.getProperty("loyalty.kafka.classpath");
        if (override != null && !override.isBlank()) {
            return override;
        }
        try {
            Class<?> kafka = Class.forName("kafka.Kafka", false, KafkaNode.class.getClassLoader());
            Path jar = Path.of(
                    kafka.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)
                    && jar.getParent() != null
                    && jar.getParent().getFileName().toString().equals("lib")) {
                return jar.getParent() + "/*";
            }
        } catch (Exception e) {
            // fall back to the class path
        }
        return System.getProperty("java.class.path");
    }
}
