package com.example.loyalty.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path tmp;

    private final Map<String, Long> recorded = new LinkedHashMap<>();
    private Supervisor supervisor;
    private final List<ProcessHandle> spawned = new ArrayList<>();

    private Supervisor supervisor() {
        supervisor = new Supervisor(tmp.resolve("logs"), (name, handle) -> recorded.put(name, handle.pid()), POLL);
        return supervisor;
    }

    private Child launch(Supervisor s, String name, Child.Kind kind, String... cmd) {
        return s.launch(name, List.of(cmd), Map.of(), tmp, s.openLog(name), kind);
    }

    @AfterEach
    void killEverything() {
        if (supervisor != null) {
            supervisor.terminate(Child.Kind.SERVICE, Duration.ZERO);
            supervisor.terminate(Child.Kind.INFRA, Duration.ZERO);
        }
        spawned.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void awaitReadyFailsWithOneLineNamingTheLogWhenTheChildExits() throws Exception {
        Supervisor s = supervisor();
        Child child = launch(s, "points-service", Child.Kind.SERVICE, "sh", "-c", "echo boom; exit 3");

        StackException e =
                assertThrows(StackException.class, () -> s.awaitReady(child, Duration.ofSeconds(30), () -> false));

        Path log = tmp.resolve("logs/points-service.log");
        assertEquals("points-service exited with code 3, see " + Display.path(log), e.getMessage());
        assertEquals("boom\n", Files.readString(log));
    }

    @Test
    void awaitReadyFailsWhenAnotherChildExits() {
        Supervisor s = supervisor();
        launch(s, "kafka", Child.Kind.INFRA, "sh", "-c", "exit 1");
        Child keycloak = launch(s, "keycloak", Child.Kind.INFRA, "sleep", "60");

        StackException e =
                assertThrows(StackException.class, () -> s.awaitReady(keycloak, Duration.ofSeconds(30), () -> false));

        assertTrue(e.getMessage().startsWith("kafka exited with code 1, see "), e.getMessage());
    }

    @Test
    void awaitReadyReturnsOnceTheCheckPassesAndTreatsExceptionsAsNotYet() {
        Supervisor s = supervisor();
        Child child = launch(s, "gateway", Child.Kind.SERVICE, "sleep", "60");
        AtomicInteger calls = new AtomicInteger();

        s.awaitReady(child, Duration.ofSeconds(30), () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("connection refused");
            }
            return n == 3;
        });

        assertEquals(3, calls.get());
        assertTrue(child.process().isAlive());
    }

    @Test
    void awaitReadyTimesOutWithOneLine() {
        Supervisor s = supervisor();
        Child child = launch(s, "keycloak", Child.Kind.INFRA, "sleep", "60");

        StackException e =
                assertThrows(StackException.class, () -> s.awaitReady(child, Duration.ofSeconds(1), () -> false));

        assertEquals(
                "keycloak was not ready within 1 s, see " + Display.path(tmp.resolve("logs/keycloak.log")),
                e.getMessage());
    }

    @Test
    void stoppingFailsWaitsAndLaunches() {
        Supervisor s = supervisor();
        Child child = launch(s, "kafka", Child.Kind.INFRA, "sleep", "60");
        s.markStopping();

        assertEquals(
                "stopped while starting",
                assertThrows(StackException.class, () -> s.awaitReady(child, Duration.ofSeconds(30), () -> false))
                        .getMessage());
        assertThrows(StackException.class, () -> launch(s, "gateway", Child.Kind.SERVICE, "sleep", "60"));
        assertEquals(1, s.pids().size());
    }

    @Test
    void launchAndAdoptTellTheHookAndPidsListAdoptedFirst() throws Exception {
        Supervisor s = supervisor();
        Child keycloak = launch(s, "keycloak", Child.Kind.INFRA, "sleep", "60");
        ProcessHandle postmaster = new ProcessBuilder("sleep", "60").start().toHandle();
        spawned.add(postmaster);
        s.adopt("postgres", postmaster, tmp.resolve("logs/postgres.log"));

        assertEquals(Map.of("keycloak", keycloak.process().pid(), "postgres", postmaster.pid()), recorded);
        assertEquals(List.of("postgres", "keycloak"), List.copyOf(s.pids().keySet()));
        assertEquals(postmaster.pid(), s.pids().get("postgres"));
    }

    @Test
    void anAdoptedProcessThatExitsFailsTheLivenessCheck() throws Exception {
        Supervisor s = supervisor();
        Process p = new ProcessBuilder("sleep", "60").start();
        spawned.add(p.toHandle());
        s.adopt("postgres", p.toHandle(), tmp.resolve("logs/postgres.log"));
        s.checkAlive();

        p.destroy();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));

        StackException e = assertThrows(StackException.class, s::checkAlive);
        assertEquals("postgres exited, see " + Display.path(tmp.resolve("logs/postgres.log")), e.getMessage());
    }

    @Test
    void watchReportsAChildThatExitsLater() throws Exception {
        Supervisor s = supervisor();
        Child child = launch(s, "metrics-service", Child.Kind.SERVICE, "sleep", "60");
        CompletableFuture<String> exited = new CompletableFuture<>();
        s.watch(exited::complete);

        child.process().destroy();

        assertEquals(
                "metrics-service exited with code 143, see " + Display.path(child.log()),
                exited.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aChildKilledOnPurposeIsNotReportedAndItsTreeDiesAtOnce() throws Exception {
        Supervisor s = supervisor();
        // the shell ignores SIGTERM: only a SIGKILL ends it within the test's patience
        Child service =
                launch(s, "points-service", Child.Kind.SERVICE, "sh", "-c", "trap '' TERM; sleep 60 & sleep 60 & wait");
        Child other = launch(s, "metrics-service", Child.Kind.SERVICE, "sleep", "60");
        List<ProcessHandle> grandchildren = awaitDescendants(service.process().toHandle(), 2);
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.watch(reported::add);

        long t0 = System.nanoTime();
        assertTrue(s.kill("points-service"));

        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 5, "kill -9 does not wait for a grace");
        assertFalse(service.process().isAlive());
        for (ProcessHandle h : grandchildren) {
            assertFalse(h.isAlive(), "pid " + h.pid() + " survived");
        }
        assertTrue(other.process().isAlive());
        s.checkAlive(); // the killed child no longer counts
        assertFalse(s.child("points-service").isPresent());
        assertFalse(s.kill("points-service"), "nothing left to kill");
        Thread.sleep(200);
        assertEquals(List.of(), reported);
    }

    @Test
    void aChildStoppedOnPurposeAndLaunchedAgainIsWatchedAgain() throws Exception {
        Supervisor s = supervisor();
        Child first = launch(s, "kafka", Child.Kind.INFRA, "sleep", "60");
        CompletableFuture<String> exited = new CompletableFuture<>();
        s.watch(exited::complete);

        assertTrue(s.stop("kafka", Duration.ofSeconds(5)));
        assertTrue(first.process().waitFor(5, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertFalse(exited.isDone(), "a stop on purpose is not a crash");

        Path log = s.appendLog("kafka");
        Files.writeString(log, "before\n");
        Child second = s.launch(
                "kafka",
                List.of("sh", "-c", "echo after; exec sleep 60"),
                Map.of(),
                tmp,
                s.appendLog("kafka"),
                Child.Kind.INFRA);
        assertEquals(second, s.child("kafka").orElseThrow());
        assertEquals(second.process().pid(), s.pids().get("kafka"));
        assertEquals(second.process().pid(), recorded.get("kafka"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.readString(log).contains("after") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        second.process().destroy();
        assertEquals("kafka exited with code 143, see " + Display.path(log), exited.get(5, TimeUnit.SECONDS));
        assertEquals("before\nafter\n", Files.readString(log), "the log is written on, not overwritten");
    }

    @Test
    void aReleasedAdoptedProcessIsNeitherReportedNorChecked() throws Exception {
        Supervisor s = supervisor();
        Process p = new ProcessBuilder("sleep", "60").start();
        spawned.add(p.toHandle());
        s.adopt("postgres", p.toHandle(), tmp.resolve("logs/postgres.log"));
        CompletableFuture<String> exited = new CompletableFuture<>();
        s.watch(exited::complete);

        s.release("postgres");
        p.destroy();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));

        s.checkAlive();
        Thread.sleep(200);
        assertFalse(exited.isDone());
        assertFalse(s.pids().containsKey("postgres"));

        // adopted again (the restarted postmaster) and watched again
        Process again = new ProcessBuilder("sleep", "60").start();
        spawned.add(again.toHandle());
        s.adopt("postgres", again.toHandle(), tmp.resolve("logs/postgres.log"));
        again.destroy();
        assertTrue(exited.get(5, TimeUnit.SECONDS).startsWith("postgres exited"));
    }

    @Test
    void terminateKillsTheWholeTreeOfOneKindOnly() throws Exception {
        Supervisor s = supervisor();
        Child service = launch(s, "gateway", Child.Kind.SERVICE, "sh", "-c", "sleep 60 & sleep 60 & wait");
        Child infra = launch(s, "kafka", Child.Kind.INFRA, "sleep", "60");
        List<ProcessHandle> grandchildren = awaitDescendants(service.process().toHandle(), 2);

        s.terminate(Child.Kind.SERVICE, Duration.ofSeconds(5));

        // waitFor, not isAlive: the JDK marks a Process exited in a callback of the exit it reports to handles, so for
        // a moment after terminate saw the exit, isAlive can still answer true (it did once in a full build)
        assertTrue(service.process().waitFor(1, TimeUnit.SECONDS), "gateway survived");
        for (ProcessHandle h : grandchildren) {
            assertFalse(h.isAlive(), "pid " + h.pid() + " survived");
        }
        assertTrue(infra.process().isAlive());
    }

    @Test
    void spawnAppendsOutputToTheLogAndAddsTheEnvironment() throws Exception {
        Path log = tmp.resolve("out.log");
        Files.writeString(log, "before\n");

        Process p = Supervisor.spawn(
                List.of("sh", "-c", "echo \"$LOYALTY_TEST\"; echo err >&2"), Map.of("LOYALTY_TEST", "hello"), tmp, log);

        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals("before\nhello\nerr\n", Files.readString(log));
    }

    @Test
    void spawnOfAMissingProgramIsOneLine() {
        StackException e = assertThrows(
                StackException.class,
                () -> Supervisor.spawn(
                        List.of(tmp.resolve("no-such-program").toString()), Map.of(), tmp, tmp.resolve("x.log")));
        assertTrue(e.getMessage().startsWith("cannot run " + tmp.resolve("no-such-program") + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** Waits (at most 5 s) until {@code root} has {@code n} descendants: the shell forks them after it started. */
    private static List<ProcessHandle> awaitDescendants(ProcessHandle root, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> d = root.descendants().toList();
            if (d.size() >= n) {
                return d;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the shell did not start its children");
    }
}
