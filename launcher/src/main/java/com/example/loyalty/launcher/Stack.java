package com.example.loyalty.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The local stack: embedded PostgreSQL, a Kafka broker (KRaft, child JVM), Keycloak (child process) and the
 * services and gateway ({@code quarkus-run.jar}, child JVMs). {@link #start(StackConfig)} returns when everything
 * is ready; {@link #stop()} (or {@link #close()}, or JVM shutdown) stops everything again. Expected failures are
 * {@link StackException}s with a one-line message.
 */
public final class Stack implements AutoCloseable {

    public static final String REALM = "loyalty";
    /** The services' databases, created at start when missing. */
    public static final List<String> DATABASES = List.of("points", "surveys", "metrics", "community");
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    static final String REALM_RESOURCE = "/keycloak/loyalty-realm.json";
    static final String STATE_MARKER = ".loyalty-state";
    static final String LOCK_FILE = ".lock";

    private static final Duration POSTGRES_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KAFKA_FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL = Duration.ofMillis(250);

    private enum Kind { INFRA, SERVICE }

    private record Child(String name, Process process, Path log, Kind kind) {
    }

    private final StackConfig config;
    private final Consumer<String> progress;
    private final Path logs;
    private final Path pidFile;
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final ReentrantLock startLock = new ReentrantLock();
    private final Object stopLock = new Object();
    private final CompletableFuture<String> end = new CompletableFuture<>();
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private volatile boolean stopping;
    private boolean stopped;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile Duration startupTime;
    private FileChannel lockChannel;

    private Stack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.logs = config.stateDir().resolve("logs");
        this.pidFile = config.stateDir().resolve("run.pids");
        this.shutdownHook = new Thread(this::stop, "loyalty-stack-shutdown");
    }

    /** Starts the stack quietly. */
    public static Stack start(StackConfig config) {
        return start(config, line -> { });
    }

    /** Starts the stack; {@code progress} receives one line per component (and a few notes). */
    public static Stack start(StackConfig config, Consumer<String> progress) {
        Stack stack = new Stack(config, progress);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        stack.startLock.lock();
        try {
            stack.doStart();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.stop();
            throw e;
        } finally {
            stack.startLock.unlock();
        }
    }

    public StackConfig config() {
        return config;
    }

    /** Time from {@link #start} to everything ready. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile(String name) {
        return logs.resolve(name + ".log");
    }

    /** PIDs of the running processes by name ({@code postgres}, {@code kafka}, {@code keycloak}, services). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (postmaster != null) {
            pids.put("postgres", postmaster.pid());
        }
        for (Child c : children) {
            pids.put(c.name(), c.process().pid());
        }
        return pids;
    }

    /**
     * Blocks until the stack ends: returns the one-line message when a process exited unexpectedly (the stack is
     * then stopped), or {@code null} when it was stopped by {@link #stop()}.
     */
    public String awaitEnd() throws InterruptedException {
        try {
            return end.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Completes like {@link #awaitEnd()}. */
    public CompletableFuture<String> ended() {
        return end;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops everything started so far, services first, PostgreSQL last: SIGTERM to each process tree, a grace
     * period, then SIGKILL. Safe to call more than once and from any thread.
     */
    public void stop() {
        stopping = true;
        boolean locked = false;
        try {
            locked = startLock.tryLock(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (stopLock) {
                if (stopped) {
                    return;
                }
                stopped = true;
                long t0 = System.nanoTime();
                boolean anything = !children.isEmpty() || postgres != null;
                if (anything) {
                    progress.accept("stopping the stack ...");
                }
                List<ProcessHandle> services = handles(Kind.SERVICE);
                if (!services.isEmpty()) {
                    ProcessTrees.terminate(services, Duration.ofSeconds(15));
                }
                List<ProcessHandle> infra = handles(Kind.INFRA);
                if (!infra.isEmpty()) {
                    ProcessTrees.terminate(infra, Duration.ofSeconds(20));
                }
                closePostgres();
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException e) {
                    // next start finds no live process with those start times
                }
                unlockStateDir();
                if (anything) {
                    progress.accept(String.format("stopped in %.1f s", seconds(t0)));
                }
                try {
                    if (Thread.currentThread() != shutdownHook) {
                        Runtime.getRuntime().removeShutdownHook(shutdownHook);
                    }
                } catch (IllegalStateException e) {
                    // the JVM is shutting down
                }
                end.complete(null);
            }
        } finally {
            if (locked) {
                startLock.unlock();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- start

    private void doStart() {
        long t0 = System.nanoTime();
        Map<String, Path> jars = config.infraOnly() ? Map.of() : serviceJars();
        Path keycloakZip = keycloakZip();
        checkStateDir();
        lockStateDir();
        stopLeftovers();
        if (config.fresh()) {
            progress.accept("deleting the data in " + display(config.stateDir()) + " (--fresh)");
            deleteContents(config.stateDir(), LOCK_FILE);
        }
        createStateDir();
        Ports.requireFree(config.ports());

        // Keycloak is by far the slowest: launch it first and start PostgreSQL and Kafka meanwhile
        Path keycloakHome = unpackKeycloak(keycloakZip);
        long keycloakT0 = System.nanoTime();
        Child keycloak = launchKeycloak(keycloakHome);
        startPostgres();
        startKafka();
        awaitKeycloak(keycloak, keycloakT0);
        if (!config.infraOnly()) {
            startServices(jars);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        watchChildren();
    }

    private Map<String, Path> serviceJars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (StackConfig.ServiceSpec s : config.services()) {
            Path jar = config.repoRoot().resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new StackException(s.name() + " is not built: run ./mvnw package -DskipTests");
            }
            jars.put(s.name(), jar);
        }
        return jars;
    }

    private Path keycloakZip() {
        Path built = config.repoRoot().resolve("launcher/target/keycloak/keycloak-quarkus-dist.zip");
        if (Files.isRegularFile(built)) {
            return built;
        }
        String version = launcherProperty("keycloak.version");
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip");
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        throw new StackException("the Keycloak distribution is missing (" + display(built)
                + "): run ./mvnw package -DskipTests");
    }

    private void checkStateDir() {
        Path dir = config.stateDir();
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(STATE_MARKER)) && !isEmptyDir(dir)) {
            throw new StackException(display(dir) + " exists and is not a loyalty state directory (no "
                    + STATE_MARKER + " file): choose another --state-dir");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StackException(display(dir) + " is not a directory: choose another --state-dir");
        }
    }

    /** One launcher per state directory: the lock is held until {@link #stop()} (or until this JVM dies). */
    private void lockStateDir() {
        Path lockFile = config.stateDir().resolve(LOCK_FILE);
        try {
            Files.createDirectories(config.stateDir());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(lockFile).trim();
                channel.close();
                throw new StackException("another `loyalty up`" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + " is running with the state directory " + display(config.stateDir()) + "; stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            lockChannel = channel;
        } catch (IOException e) {
            throw new StackException("cannot lock " + display(lockFile) + ": " + e.getMessage(), e);
        }
    }

    private void unlockStateDir() {
        if (lockChannel != null) {
            try {
                lockChannel.truncate(0);
                lockChannel.close();
            } catch (IOException e) {
                // released when this JVM exits
            }
            lockChannel = null;
        }
    }

    private void createStateDir() {
        try {
            Files.createDirectories(logs);
            Path marker = config.stateDir().resolve(STATE_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "State of the local loyalty stack (`loyalty up`); delete with `loyalty up --fresh`.\n");
            }
        } catch (IOException e) {
            throw new StackException("cannot create " + display(config.stateDir()) + ": " + e.getMessage(), e);
        }
    }

    /** Stops processes that an earlier run recorded and that still run (that launcher was killed with SIGKILL). */
    private void stopLeftovers() {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<ProcessHandle> others = new ArrayList<>();
        List<ProcessHandle> databases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(pidFile)) {
                String[] f = line.trim().split("\\s+");
                if (f.length != 3) {
                    continue;
                }
                long pid = Long.parseLong(f[1]);
                long start = Long.parseLong(f[2]);
                Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(p -> p.info().startInstant()
                        .map(i -> i.toEpochMilli() == start).orElse(false));
                if (h.isPresent()) {
                    names.add(f[0] + " (pid " + pid + ")");
                    (f[0].equals("postgres") ? databases : others).add(h.get());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: nothing to clean up
        }
        if (!names.isEmpty()) {
            progress.accept("stopping processes left over by an earlier run: " + String.join(", ", names));
            ProcessTrees.terminate(others, Duration.ofSeconds(15));
            ProcessTrees.terminate(databases, Duration.ofSeconds(20));
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // overwritten later
        }
    }

    private synchronized void recordPid(String name, ProcessHandle handle) {
        long start = handle.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        try {
            Files.writeString(pidFile, name + " " + handle.pid() + " " + start + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only used to clean up after a killed launcher
        }
    }

    // ---------------------------------------------------------------------------------------------- PostgreSQL

    private void startPostgres() {
        checkNotStopping();
        long t0 = System.nanoTime();
        Path log = openLog("postgres");
        Path data = config.stateDir().resolve("postgres");
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(config.postgresPort())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(POSTGRES_TIMEOUT)
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("postgres did not start (" + oneLine(e) + "), see " + display(log), e);
        }
        postmaster = readPostmasterPid(data);
        if (postmaster != null) {
            recordPid("postgres", postmaster);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String db : DATABASES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + db + "\"");
                }
            }
        } catch (SQLException e) {
            throw new StackException("could not create the databases (" + oneLine(e) + "), see " + display(log), e);
        }
        ready("postgres", t0, config.jdbcUrl("<db>"));
    }

    private static ProcessHandle readPostmasterPid(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty() ? null : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void closePostgres() {
        EmbeddedPostgres pg = postgres;
        if (pg == null) {
            return;
        }
        postgres = null;
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            // the postmaster is killed below
        }
        ProcessHandle pm = postmaster;
        if (pm != null && pm.isAlive()) {
            ProcessTrees.terminate(List.of(pm), Duration.ofSeconds(10));
        }
    }

    // ---------------------------------------------------------------------------------------------- Kafka

    private void startKafka() {
        checkNotStopping();
        long t0 = System.nanoTime();
        Path dir = config.stateDir().resolve("kafka");
        Path data = dir.resolve("data");
        Path serverProperties = dir.resolve("server.properties");
        Path log4j2 = dir.resolve("log4j2.xml");
        Path log = openLog("kafka");
        try {
            Files.createDirectories(data);
            Files.writeString(serverProperties,
                    KafkaFiles.serverProperties(config.kafkaPort(), config.kafkaControllerPort(), data));
            Files.writeString(log4j2, KafkaFiles.log4j2Xml());
        } catch (IOException e) {
            throw new StackException("cannot write the Kafka configuration in " + display(dir) + ": " + e.getMessage(), e);
        }
        String classpath = kafkaClasspath();
        List<String> jvm = List.of(javaExecutable(), "-Xms64m", "-Xmx512m", "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j2, "-Dkafka.logs.dir=" + logs, "-cp", classpath);
        if (!Files.exists(data.resolve("meta.properties"))) {
            String clusterId = clusterId(dir.resolve("cluster.id"));
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    serverProperties.toString(), "--ignore-formatted"));
            Process p = spawn(format, Map.of(), dir, log);
            try {
                long deadline = System.nanoTime() + KAFKA_FORMAT_TIMEOUT.toNanos();
                while (!p.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (stopping || System.nanoTime() > deadline) {
                        ProcessTrees.terminate(List.of(p.toHandle()), Duration.ofSeconds(2));
                        checkNotStopping();
                        throw new StackException("formatting the Kafka storage took longer than "
                                + KAFKA_FORMAT_TIMEOUT.toSeconds() + " s, see " + display(log));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ProcessTrees.terminate(List.of(p.toHandle()), Duration.ofSeconds(2));
                throw new StackException("interrupted while formatting the Kafka storage");
            }
            if (p.exitValue() != 0) {
                throw new StackException("formatting the Kafka storage failed (exit code " + p.exitValue()
                        + "), see " + display(log));
            }
        }
        List<String> run = new ArrayList<>(jvm);
        run.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        Child kafka = launch("kafka", run, Map.of(), dir, log, Kind.INFRA);
        Admin[] admin = new Admin[1];
        try {
            awaitReady(kafka, KAFKA_TIMEOUT, () -> {
                if (!Ports.isOpen(config.kafkaPort())) {
                    return false;
                }
                if (admin[0] == null) {
                    admin[0] = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers(),
                            AdminClientConfig.CLIENT_ID_CONFIG, "loyalty-launcher",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
                }
                try {
                    return !admin[0].describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            if (admin[0] != null) {
                admin[0].close(Duration.ofSeconds(2));
            }
        }
        ready("kafka", t0, config.kafkaBootstrapServers());
    }

    private static String clusterId(Path file) {
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
     * The class path of the Kafka child JVM: {@code <dir>/*} when the Kafka jar sits in the launcher's
     * {@code lib/} directory, else this JVM's class path (a jar there may list the rest in its manifest).
     */
    static String kafkaClasspath() {
        String override = System.getProperty("loyalty.kafka.classpath");
        if (override != null && !override.isBlank()) {
            return override;
        }
        try {
            Class<?> kafka = Class.forName("kafka.Kafka", false, Stack.class.getClassLoader());
            Path jar = Path.of(kafka.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.getParent() != null
                    && jar.getParent().getFileName().toString().equals("lib")) {
                return jar.getParent() + "/*";
            }
        } catch (Exception e) {
            // fall back to the class path
        }
        return System.getProperty("java.class.path");
    }

    // ---------------------------------------------------------------------------------------------- Keycloak

    private Path unpackKeycloak(Path zip) {
        Path base = config.stateDir().resolve("keycloak");
        Path home = base.resolve("dist");
        Path marker = home.resolve(".loyalty-unpacked");
        String stamp = zip.getFileName() + " " + size(zip);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(stamp)) {
                return home;
            }
            long t0 = System.nanoTime();
            progress.accept(String.format("  %-18s unpacking %s (first start) ...", "keycloak", zip.getFileName()));
            Path tmp = base.resolve("dist.tmp");
            deleteTree(tmp);
            deleteTree(home);
            Files.createDirectories(tmp);
            try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
                Enumeration<ZipArchiveEntry> entries = zf.getEntries();
                while (entries.hasMoreElements()) {
                    checkNotStopping();
                    ZipArchiveEntry e = entries.nextElement();
                    String name = e.getName();
                    int slash = name.indexOf('/');
                    String rel = slash < 0 ? "" : name.substring(slash + 1); // drop "keycloak-<version>/"
                    if (rel.isEmpty()) {
                        continue;
                    }
                    Path target = tmp.resolve(rel).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("bad entry " + name);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    int mode = e.getUnixMode();
                    if ((mode & 0111) != 0) {
                        Files.setPosixFilePermissions(target, permissions(mode));
                    }
                }
            }
            Files.writeString(tmp.resolve(".loyalty-unpacked"), stamp + "\n");
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(String.format("  %-18s unpacked in %.1f s", "keycloak", seconds(t0)));
            return home;
        } catch (IOException e) {
            throw new StackException("cannot unpack " + display(zip) + " into " + display(base) + ": " + e.getMessage(), e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                p.add(order[i]);
            }
        }
        p.add(PosixFilePermission.OWNER_READ);
        p.add(PosixFilePermission.OWNER_WRITE);
        return p;
    }

    private Child launchKeycloak(Path home) {
        checkNotStopping();
        Path log = openLog("keycloak");
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            try (InputStream in = Stack.class.getResourceAsStream(REALM_RESOURCE)) {
                if (in == null) {
                    throw new StackException(REALM_RESOURCE + " is missing from the launcher jar");
                }
                Files.copy(in, importDir.resolve("loyalty-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StackException("cannot copy the realm into " + display(home) + ": " + e.getMessage(), e);
        }
        // the same build options every time: a change re-runs Keycloak's build step (about 25 s)
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--health-enabled=true",
                "--import-realm",
                "--hostname=" + config.keycloakUrl());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
        return launch("keycloak", cmd, env, home, log, Kind.INFRA);
    }

    private void awaitKeycloak(Child keycloak, long t0) {
        String health = "http://localhost:" + config.keycloakManagementPort() + "/health/ready";
        awaitReady(keycloak, KEYCLOAK_TIMEOUT, () -> httpOk(health));
        ready("keycloak", t0, config.keycloakUrl() + " (realm " + REALM + ")");
    }

    // ---------------------------------------------------------------------------------------------- services

    private void startServices(Map<String, Path> jars) {
        checkNotStopping();
        long t0 = System.nanoTime();
        Map<StackConfig.ServiceSpec, Child> pending = new LinkedHashMap<>();
        for (StackConfig.ServiceSpec s : config.services()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.issuerUrl());
            if (s.database() != null) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(s.database()));
                env.put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
                env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
            } else {
                env.put("GATEWAY_UPSTREAMS_POINTS", config.serviceUrl(config.pointsPort()));
                env.put("GATEWAY_UPSTREAMS_SURVEYS", config.serviceUrl(config.surveysPort()));
                env.put("GATEWAY_UPSTREAMS_METRICS", config.serviceUrl(config.metricsPort()));
                env.put("GATEWAY_UPSTREAMS_COMMUNITY", config.serviceUrl(config.communityPort()));
            }
            List<String> cmd = List.of(javaExecutable(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                    "-jar", jars.get(s.name()).toString());
            pending.put(s, launch(s.name(), cmd, env, config.stateDir(), openLog(s.name()), Kind.SERVICE));
        }
        long deadline = System.nanoTime() + SERVICES_TIMEOUT.toNanos();
        while (!pending.isEmpty()) {
            checkNotStopping();
            checkChildrenAlive();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                String url = config.serviceUrl(e.getKey().port());
                if (httpOk(url + "/q/health/ready")) {
                    ready(e.getKey().name(), t0, url);
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    Child c = pending.values().iterator().next();
                    throw new StackException(c.name() + " was not ready within " + SERVICES_TIMEOUT.toSeconds()
                            + " s, see " + display(c.log()));
                }
                sleep(POLL);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- children

    private Path openLog(String name) {
        Path log = logFile(name);
        try {
            Files.createDirectories(logs);
            Files.write(log, new byte[0]);
        } catch (IOException e) {
            throw new StackException("cannot write " + display(log) + ": " + e.getMessage(), e);
        }
        return log;
    }

    private Process spawn(List<String> cmd, Map<String, String> env, Path dir, Path log) {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            throw new StackException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        }
    }

    private Child launch(String name, List<String> cmd, Map<String, String> env, Path dir, Path log, Kind kind) {
        checkNotStopping();
        Child child = new Child(name, spawn(cmd, env, dir, log), log, kind);
        children.add(child);
        recordPid(name, child.process().toHandle());
        return child;
    }

    private interface Check {
        boolean ready() throws Exception;
    }

    private void awaitReady(Child child, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            checkNotStopping();
            checkChildrenAlive();
            try {
                if (check.ready()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(child.name() + " was not ready within " + timeout.toSeconds()
                        + " s, see " + display(child.log()));
            }
            sleep(POLL);
        }
    }

    private void checkChildrenAlive() {
        for (Child c : children) {
            if (!c.process().isAlive()) {
                throw new StackException(exitMessage(c));
            }
        }
        ProcessHandle pm = postmaster;
        if (pm != null && !pm.isAlive()) {
            throw new StackException("postgres exited, see " + display(logFile("postgres")));
        }
    }

    private String exitMessage(Child c) {
        return c.name() + " exited with code " + c.process().exitValue() + ", see " + display(c.log());
    }

    private void watchChildren() {
        for (Child c : children) {
            c.process().onExit().thenRun(() -> died(exitMessage(c)));
        }
        ProcessHandle pm = postmaster;
        if (pm != null) {
            pm.onExit().thenRun(() -> died("postgres exited, see " + display(logFile("postgres"))));
        }
    }

    private void died(String message) {
        if (stopping) {
            return;
        }
        if (end.complete(message)) {
            progress.accept(message);
            Thread t = new Thread(this::stop, "loyalty-stack-stop");
            t.start();
        }
    }

    private List<ProcessHandle> handles(Kind kind) {
        List<ProcessHandle> list = new ArrayList<>();
        for (Child c : children) {
            if (c.kind() == kind) {
                list.add(c.process().toHandle());
            }
        }
        java.util.Collections.reverse(list);
        return list;
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new StackException("stopped while starting");
        }
    }

    private boolean httpOk(String url) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private void ready(String name, long t0, String detail) {
        progress.accept(String.format("  %-18s ready in %5.1f s   %s", name, seconds(t0), detail));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String launcherProperty(String key) {
        Properties p = new Properties();
        try (InputStream in = Stack.class.getResourceAsStream("/launcher.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // defaults below
        }
        return p.getProperty(key, "");
    }

    /** {@code path} relative to the working directory when it is below it. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().equals(LOCK_FILE))) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes everything in {@code dir} but the file named {@code keep}. */
    static void deleteContents(Path dir, String keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!p.getFileName().toString().equals(keep)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot delete " + display(dir) + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StackException("cannot delete " + display(root) + ": " + e.getMessage(), e);
        }
    }
}
