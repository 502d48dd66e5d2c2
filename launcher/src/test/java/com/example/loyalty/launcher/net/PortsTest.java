package com.example.loyalty.launcher.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
