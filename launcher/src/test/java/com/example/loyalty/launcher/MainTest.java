package com.example.loyalty.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private static Main.Up parseUp(String... args) {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult r = cl.parseArgs(args);
        return (Main.Up) r.subcommand().commandSpec().userObject();
    }

    @Test
    void upDefaultsToThePortsOfTheDocsAndKeepsData() {
        StackConfig c = parseUp("up", "--repo", "/repo").config();
        assertEquals(Path.of("/repo"), c.repoRoot());
        assertEquals(Path.of("/repo/.loyalty"), c.stateDir());
        assertFalse(c.fresh());
        assertFalse(c.infraOnly());
        assertEquals(8080, c.gatewayPort());
        assertEquals(15432, c.postgresPort());
    }

    @Test
    void upOptions() {
        StackConfig c = parseUp(
                        "up",
                        "--repo",
                        "/repo",
                        "--fresh",
                        "--state-dir",
                        "/tmp/st",
                        "--port-offset",
                        "100",
                        "--infra-only")
                .config();
        assertTrue(c.fresh());
        assertTrue(c.infraOnly());
        assertEquals(Path.of("/tmp/st"), c.stateDir());
        assertEquals(8180, c.gatewayPort());
        assertEquals(8280, c.keycloakPort());
        assertEquals(15532, c.postgresPort());
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("up", "--frsh");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("Unknown option: '--frsh'"), err.toString());
        assertFalse(err.toString().contains("at com.example"));
    }

    @Test
    void infraOnlyIsHiddenFromHelp() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine().setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("up", "--help"));
        assertTrue(out.toString().contains("--fresh"));
        assertFalse(out.toString().contains("--infra-only"));
    }
}
