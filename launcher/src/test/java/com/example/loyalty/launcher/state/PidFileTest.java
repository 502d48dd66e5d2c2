package com.example.loyalty.launcher.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @Test
    void recordsNamePidAndStartTimeOneLineEach(@TempDir Path tmp) throws Exception {
        PidFile file = new PidFile(tmp.resolve("run.pids"));
        ProcessHandle me = ProcessHandle.current();
        long start = me.info().startInstant().orElseThrow().toEpochMilli();

        file.record("keycloak", me);
        file.record("kafka", me);

        assertEquals(
                "keycloak " + me.pid() + " " + start + "\nkafka " + me.pid() + " " + start + "\n",
                Files.readString(file.path()));
        assertEquals(
                List.of(new PidFile.Entry("keycloak", me.pid(), start), new PidFile.Entry("kafka", me.pid(), start)),
                file.read());
    }

    @Test
    void readSkipsLinesThatAreNotOurs(@TempDir Path tmp) throws Exception {
        PidFile file = new PidFile(tmp.resolve("run.pids"));
        Files.writeString(file.path(), "\nkafka 12 34\n  gateway   56  78  \nonly two\nx y z\nfour fields here now\n");
        assertEquals(List.of(new PidFile.Entry("kafka", 12, 34), new PidFile.Entry("gateway", 56, 78)), file.read());
    }

    @Test
    void aMissingFileIsEmpty(@TempDir Path tmp) {
        PidFile file = new PidFile(tmp.resolve("run.pids"));
        assertEquals(List.of(), file.read());
        file.delete();
        assertFalse(Files.exists(file.path()));
    }

    @Test
    void liveNeedsTheSamePidAndStartTime() {
        ProcessHandle me = ProcessHandle.current();
        long start = me.info().startInstant().orElseThrow().toEpochMilli();
        assertTrue(new PidFile.Entry("me", me.pid(), start).live().isPresent());
        assertFalse(new PidFile.Entry("me", me.pid(), start - 1).live().isPresent());
    }
}
