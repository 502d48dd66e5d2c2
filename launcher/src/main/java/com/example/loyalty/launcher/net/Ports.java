package com.example.loyalty.launcher.net;

import com.example.loyalty.launcher.StackException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Port checks: whether a port of the stack is free before the start (and outside the range the system hands out to
 * outgoing connections), and whether something listens on it.
 */
public final class Ports {

    private Ports() {}

    /** Whether nothing listens on {@code port} (on any local address). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on localhost:{@code port}. */
    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws with a one-line message naming the first port (and its user in the stack) that is taken. */
    public static void requireFree(Map<Integer, String> ports) {
        for (Map.Entry<Integer, String> e : ports.entrySet()) {
            if (!isFree(e.getKey())) {
                throw new StackException(inUseMessage(e.getKey(), e.getValue()));
            }
        }
    }

    /**
     * A one-line warning naming the first port that lies in {@code ephemeral}, if one does: the system gives ports of
     * that range to outgoing connections (the stack's own clients open hundreds while it starts), so such a port can
     * be taken between the check that it is free and the server binding it. A warning, not a refusal: a system whose
     * range takes in every usable port (some set 1024-65535) must still be able to start the stack.
     */
    public static Optional<String> ephemeralWarning(Map<Integer, String> ports, Range ephemeral) {
        for (Map.Entry<Integer, String> e : ports.entrySet()) {
            if (ephemeral.contains(e.getKey())) {
                return Optional.of("warning: port " + e.getKey() + " (" + e.getValue() + ") lies in the range this "
                        + "system gives to outgoing connections (" + ephemeral + "), so one of them may take it "
                        + "first; a --port-offset that keeps every port below " + ephemeral.first() + " avoids that");
            }
        }
        return Optional.empty();
    }

    /** The system's ephemeral port range: Linux's {@code ip_local_port_range}, else IANA's 49152-65535. */
    public static Range ephemeralRange() {
        return ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    }

    static Range ephemeralRange(Path linuxSetting) {
        // one read: a sysctl file answers a read past its start with nothing, and Files.readString reads in steps
        try (var reader = Files.newBufferedReader(linuxSetting)) {
            String[] bounds = reader.readLine().trim().split("\\s+");
            return new Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        } catch (IOException | RuntimeException notLinux) {
            return new Range(49152, 65535);
        }
    }

    /** Ports {@code first} to {@code last}, both included. */
    public record Range(int first, int last) {
        public boolean contains(int port) {
            return port >= first && port <= last;
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    static String inUseMessage(int port, String name) {
        return "port " + port + " (" + name + ") is already in use; stop what uses it"
                + " (another `loyalty up`?) or move the stack's ports with --port-offset";
    }
}
