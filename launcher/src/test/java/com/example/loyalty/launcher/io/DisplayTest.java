package com.example.loyalty.launcher.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void pathIsRelativeBelowTheWorkingDirectoryElseAbsolute() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(Path.of("logs", "kafka.log").toString(), Display.path(cwd.resolve("logs/kafka.log")));
        assertEquals(cwd.toString(), Display.path(cwd));
        Path outside = cwd.getRoot().resolve("definitely-not-below-the-cwd/x.log");
        assertEquals(outside.toString(), Display.path(outside));
    }

    @Test
    void readyLineHasTheComponentColumnAndSeconds() {
        String line = Display.ready("keycloak", System.nanoTime(), "http://localhost:8180 (realm loyalty)");
        assertTrue(
                line.matches("  keycloak {11}ready in {3}0\\.\\d s {3}http://localhost:8180 \\(realm loyalty\\)"),
                line);
        assertEquals("  points-service     unpacking", Display.line("points-service", "unpacking"));
    }

    @Test
    void oneLineKeepsTheFirstLineOrTheClassName() {
        assertEquals("first", Display.oneLine(new IOException("first\nsecond")));
        assertEquals("IOException", Display.oneLine(new IOException()));
    }
}
