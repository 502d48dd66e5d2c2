package com.example.loyalty.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.state.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @Test
    void defaultsAreThePortsOfTheDocs() {
        StackConfig c = StackConfig.defaults(Path.of("/repo"));
        assertEquals(
                List.of(15432, 9092, 9093, 8180, 9180, 8081, 9081, 8082, 9082, 8083, 9083, 8084, 9084, 8080, 9080),
                List.copyOf(c.ports().keySet()));
        assertEquals("gateway management", c.ports().get(9080));
        assertEquals("http://localhost:9081", c.managementUrl(c.pointsPort()));
        assertEquals("http://localhost:8180/realms/loyalty", c.issuerUrl());
        assertEquals("jdbc:postgresql://localhost:15432/points", c.jdbcUrl("points"));
        assertEquals(5, c.withInfraOnly(true).ports().size());
    }

    @Test
    void missingServiceJarGivesOneLine(@TempDir Path repo) {
        StackException e = assertThrows(
                StackException.class,
                () -> Stack.start(StackConfig.defaults(repo).withStateDir(repo.resolve("state"))));
        assertEquals("points-service is not built: run ./mvnw package -DskipTests", e.getMessage());
        assertTrue(Files.notExists(repo.resolve("state")));
    }

    @Test
    void refusesAForeignNonEmptyStateDir(@TempDir Path repo) throws Exception {
        Path state = repo.resolve("home");
        Files.createDirectories(state);
        Files.writeString(state.resolve("precious.txt"), "x");
        Path zipDir = repo.resolve("launcher/target/keycloak");
        Files.createDirectories(zipDir);
        Files.writeString(zipDir.resolve("keycloak-quarkus-dist.zip"), "");
        StackException e = assertThrows(
                StackException.class,
                () -> Stack.start(StackConfig.defaults(repo)
                        .withStateDir(state)
                        .withInfraOnly(true)
                        .withFresh(true)));
        assertTrue(e.getMessage().contains("is not a loyalty state directory"), e.getMessage());
        assertTrue(Files.exists(state.resolve("precious.txt")));
    }

    @Test
    void aSecondLauncherOnTheSameStateDirIsRefusedAndLeavesTheFirstOnesFilesAlone(@TempDir Path repo) throws Exception {
        Path state = repo.resolve("state");
        StateDir first = new StateDir(state, line -> {});
        first.lock();
        try {
            first.create();
            first.recordPid("keycloak", ProcessHandle.current());
            Path zipDir = repo.resolve("launcher/target/keycloak");
            Files.createDirectories(zipDir);
            Files.writeString(zipDir.resolve("keycloak-quarkus-dist.zip"), "");

            StackException e = assertThrows(
                    StackException.class,
                    () -> Stack.start(
                            StackConfig.defaults(repo).withStateDir(state).withInfraOnly(true)));

            assertEquals(
                    "another `loyalty up` (pid " + ProcessHandle.current().pid() + ") is running with the state"
                            + " directory " + Display.path(state) + "; stop it first",
                    e.getMessage());
            assertTrue(Files.exists(state.resolve("run.pids")));
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(state.resolve(".lock")));
        } finally {
            first.release();
        }
    }
}
