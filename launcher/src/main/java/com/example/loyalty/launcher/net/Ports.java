package com.example.loyalty.launcher.net;

import com.example.loyalty.launcher.StackException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

/** Port checks: whether a port of the stack is free before the start, and whether something listens on it. */
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

    static String inUseMessage(int port, String name) {
        return "port " + port + " (" + name + ") is already in use; stop what uses it"
                + " (another `loyalty up`?) or move the stack's ports with --port-offset";
    }
}
