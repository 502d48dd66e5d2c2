package com.example.loyalty.launcher.process;

import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Supervises the child processes of the stack: spawns them with their output in a log file, tells a hook about
 * each one (the state directory records it in its pid file), waits until one is ready while failing fast when any
 * child exits, reports a child that exits later, and stops them a kind at a time, whole process trees at once.
 * Failures are {@link StackException}s with a one-line message naming the log to read. A child may also be stopped,
 * killed or released on purpose ({@link #stop(String, Duration)}, {@link #kill}, {@link #release}) and started again
 * with {@link #launch}: fault tests take parts of the stack away without the stack taking that for a crash.
 */
public final class Supervisor {

    /** A readiness check; an exception counts as "not yet". */
    @FunctionalInterface
    public interface Check {
        boolean ready() throws Exception;
    }

    /** A process started by a library rather than by {@link #launch} (the postmaster): watched, not stopped here. */
    private record Adopted(String name, ProcessHandle handle, Path log) {}

    private final Path logs;
    private final BiConsumer<String, ProcessHandle> onLaunch;
    private final Duration poll;
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final List<Adopted> adopted = new CopyOnWriteArrayList<>();
    /** Processes stopped or killed on purpose (a fault test): their exit is not reported to the watcher. */
    private final java.util.Set<ProcessHandle> retired = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile Consumer<String> watcher;
    private volatile boolean stopping;

    /**
     * @param logs     where the children's logs go ({@code <name>.log})
     * @param onLaunch called with the name and handle of every launched or adopted process
     * @param poll     how often readiness and liveness are checked while waiting
     */
    public Supervisor(Path logs, BiConsumer<String, ProcessHandle> onLaunch, Duration poll) {
        this.logs = logs;
        this.onLaunch = onLaunch;
        this.poll = poll;
    }

    /** The java launcher of this JVM, used for the child JVMs. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public Path logFile(String name) {
        return logs.resolve(name + ".log");
    }

    /** The log of {@code name}, kept as it is (a process started again writes on after its previous run). */
    public Path appendLog(String name) {
        Path log = logFile(name);
        try {
            Files.createDirectories(logs);
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
        } catch (IOException e) {
            throw new StackException("cannot write " + Display.path(log) + ": " + e.getMessage(), e);
        }
        return log;
    }

    /** The log of {@code name}, created empty (a previous run's log is overwritten). */
    public Path openLog(String name) {
        Path log = logFile(name);
        try {
            Files.createDirectories(logs);
            Files.write(log, new byte[0]);
        } catch (IOException e) {
            throw new StackException("cannot write " + Display.path(log) + ": " + e.getMessage(), e);
        }
        return log;
    }

    /**
     * Starts {@code cmd} in {@code dir} with standard output and error appended to {@code log} and standard input
     * closed. The environment is this JVM's without {@code JAVA_OPTS} and {@code JAVA_TOOL_OPTIONS}, plus {@code env}.
     * The process is not supervised: {@link #launch} is.
     */
    public static Process spawn(List<String> cmd, Map<String, String> env, Path dir, Path log) {
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

    /** {@link #spawn}s a supervised child. */
    public Child launch(String name, List<String> cmd, Map<String, String> env, Path dir, Path log, Child.Kind kind) {
        checkNotStopping();
        Child child = new Child(name, spawn(cmd, env, dir, log), log, kind);
        children.add(child);
        onLaunch.accept(name, child.process().toHandle());
        Consumer<String> w = watcher;
        if (w != null) {
            watch(child, w);
        }
        return child;
    }

    /** Watches a process that something else started and stops (its liveness counts like a child's). */
    public void adopt(String name, ProcessHandle handle, Path log) {
        Adopted a = new Adopted(name, handle, log);
        adopted.add(a);
        onLaunch.accept(name, handle);
        Consumer<String> w = watcher;
        if (w != null) {
            watch(a, w);
        }
    }

    /** The running child called {@code name} (the last launched under that name), if any. */
    public java.util.Optional<Child> child(String name) {
        Child found = null;
        for (Child c : children) {
            if (c.name().equals(name)) {
                found = c;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * Stops the child {@code name} on purpose, like {@link #terminate} (SIGTERM to its tree, {@code grace}, then
     * SIGKILL), and forgets it: its exit is not reported and no longer fails the liveness checks. Returns whether there
     * was such a child.
     */
    public boolean stop(String name, Duration grace) {
        java.util.Optional<Child> child = child(name);
        child.ifPresent(c -> {
            retire(c);
            ProcessTrees.terminate(List.of(c.process().toHandle()), grace);
            awaitReaped(c.process());
        });
        return child.isPresent();
    }

    /**
     * {@code kill -9} of the child {@code name} and of its whole tree at once, no grace: a crash, for fault tests. The
     * child is forgotten as by {@link #stop}. Returns whether there was such a child.
     */
    public boolean kill(String name) {
        java.util.Optional<Child> child = child(name);
        child.ifPresent(c -> {
            retire(c);
            ProcessTrees.kill(c.process().toHandle());
            awaitReaped(c.process());
        });
        return child.isPresent();
    }

    /**
     * The JDK marks a {@link Process} exited in its own callback of the exit it reports to {@link ProcessHandle}s, so
     * for a moment after the handle saw the exit, {@link Process#isAlive} may still answer true. Waits (briefly) for the
     * process to agree, so that a caller of {@link #stop} or {@link #kill} never sees its child alive.
     */
    private static void awaitReaped(Process p) {
        try {
            p.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Forgets the adopted process {@code name} before it is stopped on purpose (the postmaster of a database restart):
     * its exit is not reported and no longer fails the liveness checks.
     */
    public void release(String name) {
        for (Adopted a : adopted) {
            if (a.name().equals(name)) {
                retired.add(a.handle());
                adopted.remove(a);
            }
        }
    }

    private void retire(Child c) {
        retired.add(c.process().toHandle());
        children.remove(c);
    }

    /**
     * Waits until {@code check} passes. Throws when {@code child} is not ready within {@code timeout}, when any
     * supervised process has exited meanwhile, or when the stack is being stopped.
     */
    public void awaitReady(Child child, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            checkNotStopping();
            checkAlive();
            try {
                if (check.ready()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw notReady(child, timeout);
            }
            pause();
        }
    }

    /** {@code "<name> was not ready within <n> s, see <log>"}. */
    public static StackException notReady(Child child, Duration timeout) {
        return new StackException(
                child.name() + " was not ready within " + timeout.toSeconds() + " s, see " + Display.path(child.log()));
    }

    /** Throws with {@code "<name> exited with code <n>, see <log>"} when a supervised process has exited. */
    public void checkAlive() {
        for (Child c : children) {
            if (!c.process().isAlive()) {
                throw new StackException(exitMessage(c));
            }
        }
        for (Adopted a : adopted) {
            if (!a.handle().isAlive()) {
                throw new StackException(exitMessage(a));
            }
        }
    }

    /**
     * From now on, calls {@code onExit} with the one-line message of every supervised process that exits (also while
     * it is being stopped: the listener decides whether that matters).
     */
    public void watch(Consumer<String> onExit) {
        watcher = onExit;
        for (Child c : children) {
            watch(c, onExit);
        }
        for (Adopted a : adopted) {
            watch(a, onExit);
        }
    }

    private void watch(Child c, Consumer<String> onExit) {
        c.process().onExit().thenRun(() -> {
            if (!retired.contains(c.process().toHandle())) {
                onExit.accept(exitMessage(c));
            }
        });
    }

    private void watch(Adopted a, Consumer<String> onExit) {
        a.handle().onExit().thenRun(() -> {
            if (!retired.contains(a.handle())) {
                onExit.accept(exitMessage(a));
            }
        });
    }

    /** Makes every wait (and every later launch) fail with "stopped while starting". */
    public void markStopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    public void checkNotStopping() {
        if (stopping) {
            throw new StackException("stopped while starting");
        }
    }

    /** Sleeps one poll interval. */
    public void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    public Duration poll() {
        return poll;
    }

    /** Whether anything was launched. */
    public boolean hasChildren() {
        return !children.isEmpty();
    }

    /** PIDs by name: adopted processes first, then the children in launch order. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Adopted a : adopted) {
            pids.put(a.name(), a.handle().pid());
        }
        for (Child c : children) {
            pids.put(c.name(), c.process().pid());
        }
        return pids;
    }

    /** Stops the process trees of the children of {@code kind}, the last launched first (see {@link ProcessTrees}). */
    public void terminate(Child.Kind kind, Duration grace) {
        List<ProcessHandle> list = new ArrayList<>();
        for (Child c : children) {
            if (c.kind() == kind) {
                list.add(c.process().toHandle());
            }
        }
        Collections.reverse(list);
        if (!list.isEmpty()) {
            ProcessTrees.terminate(list, grace);
        }
    }

    private static String exitMessage(Child c) {
        return c.name() + " exited with code " + c.process().exitValue() + ", see " + Display.path(c.log());
    }

    private static String exitMessage(Adopted a) {
        return a.name() + " exited, see " + Display.path(a.log());
    }
}
