package com.example.loyalty.launcher.io;

import java.nio.file.Path;

/** How the launcher writes paths, elapsed times and failures in its one-line output. */
public final class Display {

    private Display() {}

    /** {@code path} relative to the working directory when it is below it. */
    public static String path(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** The progress line of one component: {@code "  <name padded to 18> <text>"}. */
    public static String line(String name, String text) {
        return String.format("  %-18s %s", name, text);
    }

    /**
     * {@code "  keycloak           ready in  12.3 s   http://..."}: the seconds since {@code t0}, a
     * {@link System#nanoTime()} value, and a detail (where to reach it).
     */
    public static String ready(String name, long t0, String detail) {
        return line(name, String.format("ready in %5.1f s   %s", seconds(t0), detail));
    }

    /** Seconds since {@code t0}, a {@link System#nanoTime()} value. */
    public static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The first line of the message of {@code e} (its class name when it has none). */
    public static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
