package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresNodeTest {

    @Test
    void thePostmasterIsTheRunningProcessOnTheFirstLineOfPostmasterPid(@TempDir Path data) throws Exception {
        long me = ProcessHandle.current().pid();
        Files.writeString(data.resolve("postmaster.pid"), me + "\n" + data + "\n1712345678\n15432\n");
        assertEquals(me, PostgresNode.readPostmasterPid(data).pid());
    }

    @Test
    void noPostmasterWhenTheFileIsMissingOrNotAPid(@TempDir Path data) throws Exception {
        assertNull(PostgresNode.readPostmasterPid(data));
        Files.writeString(data.resolve("postmaster.pid"), "");
        assertNull(PostgresNode.readPostmasterPid(data));
        Files.writeString(data.resolve("postmaster.pid"), "not a pid\n");
        assertNull(PostgresNode.readPostmasterPid(data));
    }

    @Test
    void aDurableStackTurnsFsyncSynchronousCommitAndFullPageWritesOn() {
        assertEquals(
                java.util.Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"),
                PostgresNode.durability(true));
        assertEquals(java.util.Map.of(), PostgresNode.durability(false));
    }
}
