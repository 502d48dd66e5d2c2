package com.example.loyalty.launcher;

import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.net.HttpProbe;
import com.example.loyalty.launcher.net.Ports;
import com.example.loyalty.launcher.node.KafkaNode;
import com.example.loyalty.launcher.node.KeycloakNode;
import com.example.loyalty.launcher.node.PostgresNode;
import com.example.loyalty.launcher.node.ServiceFleet;
import com.example.loyalty.launcher.process.Child;
import com.example.loyalty.launcher.process.Supervisor;
import com.example.loyalty.launcher.state.StateDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The local stack: embedded PostgreSQL, a Kafka broker (KRaft, child JVM), Keycloak (child process) and the
 * services and gateway ({@code quarkus-run.jar}, child JVMs). {@link #start(StackConfig)} returns when everything
 * is ready; {@link #stop()} (or {@link #close()}, or JVM shutdown) stops everything again. Expected failures are
 * {@link StackException}s with a one-line message.
 *
 * <p>This class only orchestrates: the {@link StateDir state directory}, one node class per component
 * ({@link PostgresNode}, {@link KafkaNode}, {@link KeycloakNode}, {@link ServiceFleet}) and the {@link Supervisor}
 * of the child processes do the work.
 */
public final class Stack implements AutoCloseable {

    public static final String REALM = "loyalty";
    /** The services' databases, created at start when missing. */
    public static final List<String> DATABASES = List.of("points", "surveys", "metrics", "community");

    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private static final Duration POLL = Duration.ofMillis(250);

    private final StackConfig config;
    private final Consumer<String> progress;
    private final StateDir state;
    private final Supervisor supervisor;
    private final PostgresNode postgres;
    private final KafkaNode kafka;
    private final KeycloakNode keycloak;
    private final ServiceFleet services;
    private final ReentrantLock startLock = new ReentrantLock();
    private final Object stopLock = new Object();
    private final CompletableFuture<String> end = new CompletableFuture<>();
    private final Thread shutdownHook;
    private boolean stopped;
    private volatile Duration startupTime;
    private volatile Path keycloakHome;

    private Stack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.state = new StateDir(config.stateDir(), progress);
        this.supervisor = new Supervisor(state.logs(), state::recordPid, POLL);
        HttpProbe http = new HttpProbe();
        this.postgres = new PostgresNode(config, supervisor, progress);
        this.kafka = new KafkaNode(config, supervisor, progress);
        this.keycloak = new KeycloakNode(config, supervisor, http, progress);
        this.services = new ServiceFleet(config, supervisor, http, progress);
        this.shutdownHook = new Thread(this::stop, "loyalty-stack-shutdown");
    }

    /** Starts the stack quietly. */
    public static Stack start(StackConfig config) {
        return start(config, line -> {});
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
        return supervisor.logFile(name);
    }

    /** PIDs of the running processes by name ({@code postgres}, {@code kafka}, {@code keycloak}, services). */
    public Map<String, Long> pids() {
        return supervisor.pids();
    }

    /**
     * Blocks until the stack ends: returns the one-line message when a process exited unexpectedly (the stack is
     * then stopped), or {@code null} when it was stopped by {@link #stop()}.
     */
    public String awaitEnd() throws InterruptedException {
        try {
            return end.get();
        } catch (ExecutionException e) {
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
        supervisor.markStopping();
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
                boolean anything = supervisor.hasChildren() || postgres.isRunning();
                if (anything) {
                    progress.accept("stopping the stack ...");
                }
                supervisor.terminate(Child.Kind.SERVICE, Duration.ofSeconds(15));
                supervisor.terminate(Child.Kind.INFRA, Duration.ofSeconds(20));
                postgres.stop();
                state.release();
                if (anything) {
                    progress.accept(String.format("stopped in %.1f s", Display.seconds(t0)));
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

    private void doStart() {
        long t0 = System.nanoTime();
        Ports.ephemeralWarning(config.ports(), Ports.ephemeralRange()).ifPresent(progress);
        Map<String, Path> jars = config.infraOnly() ? Map.of() : ServiceFleet.jars(config);
        Path keycloakZip = KeycloakNode.distribution(config.repoRoot());
        state.check();
        state.lock();
        state.stopLeftovers();
        if (config.fresh()) {
            state.deleteData();
        }
        state.create();
        Ports.requireFree(config.ports());

        // Keycloak is by far the slowest: launch it first and start PostgreSQL and Kafka meanwhile
        keycloakHome = keycloak.unpack(keycloakZip);
        long keycloakT0 = System.nanoTime();
        Child keycloakChild = keycloak.launch(keycloakHome);
        postgres.start();
        kafka.start();
        keycloak.await(keycloakChild, keycloakT0);
        if (!config.infraOnly()) {
            services.start(jars);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        supervisor.watch(this::died);
    }

    // ---- taking parts away and giving them back, for fault tests: the stack stays up meanwhile ----

    /** What {@link #stopProcess}, {@link #startProcess} and {@link #killProcess} accept besides the services. */
    public static final List<String> INFRASTRUCTURE = List.of(PostgresNode.NAME, KafkaNode.NAME, KeycloakNode.NAME);

    /**
     * {@code kill -9} of the process {@code name} ({@code postgres}, {@code kafka}, {@code keycloak} or a service, with
     * its whole process tree): a crash, for fault tests. The stack does not take it for one of its own failures and
     * stays up; {@link #startProcess} starts it again.
     */
    public void killProcess(String name) {
        operate(name, () -> {
            progress.accept(Display.line(name, "killed (kill -9)"));
            switch (name) {
                case PostgresNode.NAME -> postgres.kill();
                default -> {
                    if (!supervisor.kill(name)) {
                        throw new StackException(name + " is not running");
                    }
                }
            }
        });
    }

    /**
     * Stops the process {@code name} as an operator would (SIGTERM, a grace period, then SIGKILL); the rest of the
     * stack stays up. {@link #startProcess} starts it again.
     */
    public void stopProcess(String name) {
        operate(name, () -> {
            progress.accept(Display.line(name, "stopping ..."));
            switch (name) {
                case PostgresNode.NAME -> postgres.stop();
                case KafkaNode.NAME -> kafka.stop();
                case KeycloakNode.NAME -> keycloak.stop();
                default -> supervisor.stop(name, Duration.ofSeconds(15));
            }
        });
    }

    /**
     * Starts the process {@code name} again, on its existing data, and returns when it is ready (as at the stack's
     * start). Throws when it is still running.
     */
    public void startProcess(String name) {
        operate(name, () -> {
            if (isRunning(name)) {
                throw new StackException(name + " is already running");
            }
            switch (name) {
                case PostgresNode.NAME -> postgres.startAgain();
                case KafkaNode.NAME -> kafka.startAgain();
                case KeycloakNode.NAME -> keycloak.await(keycloak.launchAgain(keycloakHome), System.nanoTime());
                default -> services.startOne(name);
            }
        });
    }

    /**
     * Stops the services {@code names} and starts them again together (their JVMs start side by side, faster than one
     * after the other); returns when all are ready.
     */
    public void restartServices(List<String> names) {
        for (String name : names) {
            if (!services.has(name)) {
                throw new StackException("no service called " + name + " in the stack");
            }
        }
        operate(names.get(0), () -> {
            progress.accept(Display.line(String.join(", ", names), "restarting ..."));
            names.forEach(name -> supervisor.stop(name, Duration.ofSeconds(15)));
            services.startSome(names);
        });
    }

    /** {@link #stopProcess} then {@link #startProcess}. */
    public void restartProcess(String name) {
        stopProcess(name);
        startProcess(name);
    }

    /**
     * Environment variables the services get on top of their own when {@link #startProcess} (or
     * {@link #restartProcess}) starts them from now on, e.g. {@code LOYALTY_OUTBOX_RETENTION} for a soak that watches
     * the pruning; an empty map goes back to the defaults.
     */
    public void setServiceEnvironment(Map<String, String> env) {
        services.setExtraEnvironment(env);
    }

    /** Whether the process {@code name} of this stack is running. */
    public boolean isRunning(String name) {
        return name.equals(PostgresNode.NAME)
                ? postgres.isRunning()
                : supervisor.child(name).map(c -> c.process().isAlive()).orElse(false);
    }

    private void operate(String name, Runnable operation) {
        if (!INFRASTRUCTURE.contains(name) && !services.has(name)) {
            throw new StackException("no process called " + name + " in the stack");
        }
        startLock.lock();
        try {
            synchronized (stopLock) {
                if (stopped || startupTime == null) {
                    throw new StackException("the stack is not running");
                }
            }
            supervisor.checkNotStopping();
            operation.run();
        } finally {
            startLock.unlock();
        }
    }

    /** A child exited on its own after the start: report it once and stop the rest. */
    private void died(String message) {
        if (supervisor.isStopping()) {
            return;
        }
        if (end.complete(message)) {
            progress.accept(message);
            Thread t = new Thread(this::stop, "loyalty-stack-stop");
            t.start();
        }
    }
}
