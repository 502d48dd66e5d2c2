package com.example.loyalty.bench;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/**
 * What every scenario shares (a picocli mixin): the repository, the stack it starts (its ports, its PostgreSQL's
 * durability, its state in {@code bench/target/stack}, fresh every run) and where its JSON goes.
 */
public final class BenchStack {

    /** The stack's state, below the repository: deleted at each start. */
    public static final String STATE_DIR = "bench/target/stack";

    @Option(names = "--repo", required = true, description = "Repository root (the script passes it).")
    Path repo;

    @Option(
            names = "--port-offset",
            defaultValue = "15000",
            description = "Stack ports moved by (default ${DEFAULT-VALUE}; below the kernel's ephemeral ports, and "
                    + "clear of the dev stack's and the end-to-end tests').")
    int portOffset;

    @Option(
            names = "--durable",
            description = "PostgreSQL with fsync and synchronous commit on, as production runs (the local stack turns "
                    + "them off), for the services and the references run on it (pgbench, hand-written SQL) alike.")
    boolean durable;

    @Option(
            names = "--results",
            defaultValue = "bench/results",
            description = "Where the JSON goes (default ${DEFAULT-VALUE}).")
    Path results;

    public Path repo() {
        return repo;
    }

    public boolean durable() {
        return durable;
    }

    /** The stack's configuration: fresh state in {@link #STATE_DIR}, the ports and durability asked for. */
    public StackConfig config() {
        return StackConfig.defaults(repo)
                .withStateDir(repo.resolve(STATE_DIR))
                .withPortOffset(portOffset)
                .withFresh(true)
                .withDurable(durable);
    }

    /** Starts {@code config}'s stack, saying so and printing the launcher's progress indented. */
    public Stack start(StackConfig config) {
        System.out.printf(
                "starting the stack (ports +%d, %s PostgreSQL, state in %s) ...%n",
                portOffset, config.durable() ? "durable" : "non-durable", STATE_DIR);
        return Stack.start(config, line -> System.out.println("  " + line));
    }

    /** Writes {@code report} as {@code <results>/<scenario>-<UTC time>.json}, says where, and returns the file. */
    public Path writeJson(String scenario, Object report) {
        Path dir = repo.resolve(results);
        Path file = dir.resolve(scenario + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())
                + ".json");
        try {
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = repo.toAbsolutePath().normalize();
        Path written = file.toAbsolutePath().normalize();
        System.out.println("written to " + (written.startsWith(root) ? root.relativize(written) : written));
        return file;
    }
}
