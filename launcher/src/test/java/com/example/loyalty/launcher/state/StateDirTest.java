package com.example.loyalty.launcher.state;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {

    @TempDir
    Path tmp;

    private final List<String> progress = new ArrayList<>();
    private final List<StateDir> locked = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        locked.forEach(StateDir::release);
        processes.forEach(Process::destroyForcibly);
    }

    private StateDir stateDir() {
        StateDir dir = new StateDir(tmp.resolve("state"), progress::add);
        locked.add(dir);
        return dir;
    }

    private Process sleep() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        processes.add(p);
        return p;
    }

    @Test
    void aHeldLockRefusesASecondLauncherWithOneLine() throws Exception {
        StateDir first = stateDir();
        first.lock();
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(tmp.resolve("state/.lock")));

        StateDir second = stateDir();
        StackException e = assertThrows(StackException.class, second::lock);

        assertEquals(
                "another `loyalty up` (pid " + ProcessHandle.current().pid() + ") is running with the state"
                        + " directory " + Display.path(tmp.resolve("state")) + "; stop it first",
                e.getMessage());
        assertFalse(second.isLocked());

        first.release();
        assertDoesNotThrow(second::lock);
        assertTrue(second.isLocked());
    }

    @Test
    void releaseWithoutTheLockLeavesTheOtherLaunchersPidFileAlone() throws Exception {
        StateDir first = stateDir();
        first.lock();
        first.recordPid("keycloak", ProcessHandle.current());
        StateDir second = stateDir();
        assertThrows(StackException.class, second::lock);

        second.release();

        assertTrue(Files.exists(first.pidFile().path()));
        first.release();
        assertFalse(Files.exists(first.pidFile().path()));
        assertEquals("", Files.readString(tmp.resolve("state/.lock")));
    }

    @Test
    void checkAcceptsAMissingAnEmptyOrAMarkedDirectory() throws Exception {
        StateDir dir = stateDir();
        assertDoesNotThrow(dir::check);
        Files.createDirectories(dir.path());
        assertDoesNotThrow(dir::check);
        Files.writeString(dir.path().resolve(StateDir.LOCK_FILE), "");
        assertDoesNotThrow(dir::check);
        Files.writeString(dir.path().resolve("postgres"), "");
        Files.writeString(dir.path().resolve(StateDir.MARKER), "");
        assertDoesNotThrow(dir::check);
    }

    @Test
    void checkRefusesAForeignDirectoryAndAFile() throws Exception {
        StateDir dir = stateDir();
        Files.createDirectories(dir.path());
        Files.writeString(dir.path().resolve("precious.txt"), "x");

        StackException e = assertThrows(StackException.class, dir::check);
        assertEquals(
                Display.path(dir.path()) + " exists and is not a loyalty state directory (no .loyalty-state"
                        + " file): choose another --state-dir",
                e.getMessage());

        StateDir file = new StateDir(dir.path().resolve("precious.txt"), progress::add);
        e = assertThrows(StackException.class, file::check);
        assertEquals(Display.path(file.path()) + " is not a directory: choose another --state-dir", e.getMessage());
    }

    @Test
    void createWritesTheMarkerAndTheLogsDirectory() throws Exception {
        StateDir dir = stateDir();
        dir.create();
        assertTrue(Files.isDirectory(dir.logs()));
        assertTrue(Files.readString(dir.path().resolve(StateDir.MARKER)).contains("loyalty up --fresh"));
    }

    @Test
    void deleteDataKeepsOnlyTheLock() throws Exception {
        StateDir dir = stateDir();
        dir.lock();
        dir.create();
        Files.createDirectories(dir.path().resolve("postgres"));
        Files.writeString(dir.path().resolve("postgres/PG_VERSION"), "17");

        dir.deleteData();

        try (var s = Files.list(dir.path())) {
            assertEquals(
                    List.of(StateDir.LOCK_FILE),
                    s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(List.of("deleting the data in " + Display.path(dir.path()) + " (--fresh)"), progress);
    }

    @Test
    void stopLeftoversStopsARecordedProcessThatStillRuns() throws Exception {
        Process leftover = sleep();
        StateDir dir = stateDir();
        dir.lock();
        dir.recordPid("kafka", leftover.toHandle());

        dir.stopLeftovers();

        assertTrue(leftover.waitFor(5, TimeUnit.SECONDS), "the leftover still runs");
        assertEquals(
                List.of("stopping processes left over by an earlier run: kafka (pid " + leftover.pid() + ")"),
                progress);
        assertFalse(Files.exists(dir.pidFile().path()));
    }

    @Test
    void stopLeftoversLeavesAProcessThatOnlyHasARecordedPid() throws Exception {
        Process other = sleep();
        long start = other.toHandle().info().startInstant().orElseThrow().toEpochMilli();
        StateDir dir = stateDir();
        dir.lock();
        Files.writeString(
                dir.pidFile().path(),
                "kafka " + other.pid() + " " + (start - 10_000) + "\n" + "garbage line\n" + "postgres notapid 1\n");

        dir.stopLeftovers();

        assertTrue(other.isAlive());
        assertEquals(List.of(), progress);
        assertFalse(Files.exists(dir.pidFile().path()));
    }
}
