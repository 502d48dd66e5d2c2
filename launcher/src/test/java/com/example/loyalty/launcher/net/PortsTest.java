package com.example.loyalty.launcher.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

    @Test
    void takenPortGivesOneLineNamingThePortAndItsUser() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();
            assertFalse(Ports.isFree(port));
            assertTrue(Ports.isOpen(port));
            Map<Integer, String> ports = new LinkedHashMap<>();
            ports.put(port, "gateway");
            StackException e = assertThrows(StackException.class, () -> Ports.requireFree(ports));
            assertTrue(
                    e.getMessage().startsWith("port " + port + " (gateway) is already in use; stop what uses it"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void freePortPasses() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertTrue(Ports.isFree(port));
        assertDoesNotThrow(() -> Ports.requireFree(Map.of(port, "points-service")));
    }

    @Test
    void aPortInTheEphemeralRangeIsWarnedOfNamingTheRangeAndThePortToStayBelow() {
        Ports.Range ephemeral = new Ports.Range(32768, 60999);
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(35432, "postgres");
        ports.put(38180, "keycloak");
        assertEquals(
                Optional.of("warning: port 35432 (postgres) lies in the range this system gives to outgoing "
                        + "connections (32768-60999), so one of them may take it first; a --port-offset that keeps "
                        + "every port below 32768 avoids that"),
                Ports.ephemeralWarning(ports, ephemeral));
        assertEquals(Optional.empty(), Ports.ephemeralWarning(Map.of(32767, "gateway", 61000, "kafka"), ephemeral));
    }

    @Test
    void theEphemeralRangeIsLinuxsSettingElseIanas(@TempDir Path tmp) throws Exception {
        Path setting = tmp.resolve("ip_local_port_range");
        Files.writeString(setting, "32768\t60999\n");
        assertEquals(new Ports.Range(32768, 60999), Ports.ephemeralRange(setting));
        assertEquals(new Ports.Range(49152, 65535), Ports.ephemeralRange(tmp.resolve("absent")));
        Files.writeString(setting, "garbage");
        assertEquals(new Ports.Range(49152, 65535), Ports.ephemeralRange(setting));
    }

    @Test
    void theLiveLinuxSettingIsReadWhole() throws Exception {
        Path proc = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc), "not Linux");
        byte[] buffer = new byte[64];
        int n;
        try (var in = new java.io.FileInputStream(proc.toFile())) {
            n = in.read(buffer);
        }
        String[] bounds = new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII)
                .trim()
                .split("\\s+");
        // Files.readString reads such a file one byte, then nothing: "3", which would fall back to IANA's range
        assertEquals(new Ports.Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])), Ports.ephemeralRange());
    }

    @Test
    void theStacksDefaultPortsAndTheOffsetsOfTestsAndBenchmarksStayBelowLinuxsRange() {
        Ports.Range linux = new Ports.Range(32768, 60999);
        for (int offset : new int[] {0, 10000, 15000}) {
            StackConfig config = StackConfig.defaults(Path.of(".")).withPortOffset(offset);
            assertEquals(Optional.empty(), Ports.ephemeralWarning(config.ports(), linux), "offset " + offset);
        }
    }
}
