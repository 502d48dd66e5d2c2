package com.example.loyalty.launcher.node;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.process.ProcessTrees;
import com.example.loyalty.launcher.process.Supervisor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * PostgreSQL: the embedded binaries (zonky) with their data in {@code <state>/postgres}, one database per service
 * ({@link Stack#DATABASES}, created when missing). The postmaster is handed to the {@link Supervisor} to be watched
 * and recorded; it is stopped here, after everything that uses it.
 */
public final class PostgresNode {

    public static final String NAME = "postgres";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final StackConfig config;
    private final Supervisor supervisor;
    private final Consumer<String> progress;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;

    public PostgresNode(StackConfig config, Supervisor supervisor, Consumer<String> progress) {
        this.config = config;
        this.supervisor = supervisor;
        this.progress = progress;
    }

    /** Starts the server, creates the missing databases and reports it ready. */
    public void start() {
        start(supervisor.openLog(NAME));
    }

    /** Starts the server again after {@link #stop()} or {@link #kill()}, on the same data, writing on in its log. */
    public void startAgain() {
        start(supervisor.appendLog(NAME));
    }

    private void start(Path log) {
        supervisor.checkNotStopping();
        long t0 = System.nanoTime();
        Path data = config.stateDir().resolve("postgres");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(config.postgresPort())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(TIMEOUT)
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            durability(config.durable()).forEach(builder::setServerConfig);
            if (config.statementStats()) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                builder.setServerConfig("pg_stat_statements.track", "all");
            }
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StackException(
                    "postgres did not start (" + Display.oneLine(e) + "), see " + Display.path(log), e);
        }
        postmaster = readPostmasterPid(data);
        if (postmaster != null) {
            supervisor.adopt(NAME, postmaster, log);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            createDatabases(c, Stack.DATABASES);
        } catch (SQLException e) {
            throw new StackException(
                    "could not create the databases (" + Display.oneLine(e) + "), see " + Display.path(log), e);
        }
        progress.accept(Display.ready(NAME, t0, config.jdbcUrl("<db>")));
    }

    /**
     * The durability settings: the embedded server starts with fsync ({@code -F}) and synchronous commit off, fine
     * for a throw-away local stack; a durable stack (benchmarks with {@code --durable}) turns them on as production
     * runs. Later {@code -c} options override {@code -F}.
     */
    static java.util.Map<String, String> durability(boolean durable) {
        return durable
                ? java.util.Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")
                : java.util.Map.of();
    }

    /** Whether {@link #start()} has started the server and {@link #stop()} has not stopped it yet. */
    public boolean isRunning() {
        return postgres != null;
    }

    /** Stops the server (fast shutdown), then kills the postmaster's tree when it is still there. */
    public void stop() {
        EmbeddedPostgres pg = postgres;
        if (pg == null) {
            return;
        }
        postgres = null;
        supervisor.release(NAME);
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

    /**
     * {@code kill -9} of the postmaster and its backends at once: a crash, for fault tests. The next
     * {@link #startAgain()} recovers from the write-ahead log as PostgreSQL does after a power cut.
     */
    public void kill() {
        ProcessHandle pm = postmaster;
        if (postgres == null || pm == null) {
            return;
        }
        supervisor.release(NAME);
        ProcessTrees.kill(pm);
        postgres = null;
    }

    /** Creates each of {@code databases} that does not exist yet. */
    static void createDatabases(Connection c, List<String> databases) throws SQLException {
        for (String db : databases) {
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
    }

    /** The running postmaster named by the first line of {@code <data>/postmaster.pid}, else {@code null}. */
    static ProcessHandle readPostmasterPid(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? null
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
