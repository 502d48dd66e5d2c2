package com.example.loyalty.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the stack's processes over a window, from {@code /proc} (Linux): each process is counted for the stack
 * process it descends from (a PostgreSQL backend for {@code postgres}), the benchmark's own JVM as {@code bench
 * client}, anything else as {@code other}. Divided by the requests answered it is the cost of a request, per
 * process: what tells where the machine's two cores go.
 */
public final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Map<Long, String> roots;
    private Map<String, Long> start;

    public CpuMeter(Map<String, Long> stackPids) {
        this.roots = new HashMap<>();
        stackPids.forEach((name, pid) -> roots.put(pid, name));
        roots.put(ProcessHandle.current().pid(), "bench client");
    }

    public static boolean available() {
        return Files.isDirectory(Path.of("/proc/self"));
    }

    /**
     * Hooks that measure the CPU of every process of the stack ({@code stackPids}) in a path's timed window, around
     * {@code inner}'s hooks; {@code inner} alone where {@code /proc} is missing.
     */
    public static ClosedLoop.Window measuring(Map<String, Long> stackPids, ClosedLoop.Window inner) {
        if (!available()) {
            return inner;
        }
        CpuMeter meter = new CpuMeter(stackPids);
        return new ClosedLoop.Window() {
            Map<String, Double> used = Map.of();

            @Override
            public void started() {
                meter.start();
                inner.started();
            }

            @Override
            public void ended() {
                used = meter.stopMillis();
                inner.ended();
            }

            @Override
            public Map<String, Double> cpu() {
                return used;
            }
        };
    }

    public void start() {
        start = snapshot();
    }

    /** CPU milliseconds per process group since {@link #start()}. */
    public Map<String, Double> stopMillis() {
        Map<String, Long> end = snapshot();
        Map<String, Double> millis = new TreeMap<>();
        end.forEach((group, ticks) -> {
            long used = ticks - start.getOrDefault(group, 0L);
            if (used > 0) {
                millis.put(group, used * 1000.0 / TICKS_PER_SECOND);
            }
        });
        return millis;
    }

    private Map<String, Long> snapshot() {
        Map<Long, long[]> procs = new HashMap<>(); // pid -> {ppid, ticks}
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        try {
                            String stat = Files.readString(p.resolve("stat"));
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // fields after the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15)
                            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            procs.put(
                                    Long.parseLong(p.getFileName().toString()),
                                    new long[] {Long.parseLong(f[1]), ticks});
                        } catch (IOException | RuntimeException e) {
                            // the process ended meanwhile
                        }
                    });
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Long> groups = new LinkedHashMap<>();
        for (Map.Entry<Long, long[]> e : procs.entrySet()) {
            groups.merge(group(e.getKey(), procs), e.getValue()[1], Long::sum);
        }
        return groups;
    }

    private String group(long pid, Map<Long, long[]> procs) {
        long p = pid;
        for (int depth = 0; depth < 20 && p > 1; depth++) {
            String name = roots.get(p);
            if (name != null) {
                return name;
            }
            long[] info = procs.get(p);
            if (info == null) {
                break;
            }
            p = info[0];
        }
        return "other";
    }
}
