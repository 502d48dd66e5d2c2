package com.example.loyalty.bench.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * pgbench from the system's PostgreSQL client tools, run against the stack's own PostgreSQL server: the reference a
 * request path is compared with. TPC-B (five statements in one transaction, the shape of an earn) and select-only (one
 * primary-key read, the shape of a look-up), or a path's own transaction written by hand ({@link #script}); prepared
 * statements, as the services use them.
 */
public final class Pgbench {

    /** What one pgbench run measured. */
    public record Run(String mode, int clients, double tps, double latencyMs) {}

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Path executable;
    private final int port;
    private final String database;

    private Pgbench(Path executable, int port, String database) {
        this.executable = executable;
        this.port = port;
        this.database = database;
    }

    /** pgbench for the server on {@code port}; fails with how to install it when it cannot be found. */
    /** Drops and creates database {@code name} for pgbench, through {@code adminUrl} (e.g. the postgres database). */
    public static void freshDatabase(String adminUrl, String name) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(adminUrl, "postgres", "postgres");
                java.sql.Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Pgbench on(int port, String database) {
        return new Pgbench(
                find().orElseThrow(() -> new IllegalStateException(
                        "pgbench not found. Install the PostgreSQL tools (Debian/Ubuntu: sudo apt-get install postgresql, "
                                + "which puts pgbench in /usr/lib/postgresql/<version>/bin; the client of any version 12+ can "
                                + "drive the stack's PostgreSQL 17), or set PGBENCH=/path/to/pgbench.")),
                port,
                database);
    }

    static Optional<Path> find() {
        String env = System.getenv("PGBENCH");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                return dirs.map(d -> d.resolve("bin/pgbench"))
                        .filter(Files::isExecutable)
                        .max(Comparator.comparing(
                                p -> p.getParent().getParent().getFileName().toString()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public String version() {
        return exec(List.of(executable.toString(), "--version"), Duration.ofSeconds(10))
                .trim();
    }

    /** {@code pgbench -i -s scale}: the TPC-B tables, scale 10 = 1,000,000 accounts. */
    public void init(int scale) {
        exec(command("-i", "-q", "-s", Integer.toString(scale)), Duration.ofMinutes(10));
    }

    public Run tpcb(int clients, Duration duration) {
        return run("TPC-B", clients, duration);
    }

    public Run selectOnly(int clients, Duration duration) {
        return run("select-only", clients, duration, "-S");
    }

    /**
     * A custom transaction ({@code pgbench -n -f}): {@code script} is a pgbench script's text, {@code variables} its
     * {@code -D} settings; {@code mode} names the run in reports. No vacuum first: the script's tables are the stack's.
     */
    public Run script(String mode, String script, Map<String, ?> variables, int clients, Duration duration) {
        Path file;
        try {
            file = Files.createTempFile("pgbench-", ".sql");
            Files.writeString(file, script);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the pgbench script", e);
        }
        try {
            List<String> extra = new ArrayList<>(List.of("-n", "-f", file.toString()));
            variables.forEach((name, value) -> extra.addAll(List.of("-D", name + "=" + value)));
            return run(mode, clients, duration, extra.toArray(String[]::new));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    private Run run(String mode, int clients, Duration duration, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "-M",
                "prepared",
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(clients, 2)),
                "-T",
                Long.toString(duration.toSeconds())));
        args.addAll(List.of(extra));
        String out = exec(command(args.toArray(String[]::new)), duration.plusMinutes(2));
        return new Run(mode, clients, number(TPS, out), number(LATENCY, out));
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(
                List.of(executable.toString(), "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres"));
        cmd.addAll(List.of(args));
        cmd.add(database);
        return cmd;
    }

    private static double number(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no " + p.pattern() + ":\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String exec(List<String> cmd, Duration timeout) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
