package com.example.loyalty.bench.report;

import com.example.loyalty.bench.load.ClosedLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of a service JVM while a path runs (started and dumped with {@code jcmd}, so nothing
 * is added to the services), summarised as the CPU samples' hottest methods (self time) and the share of samples in
 * which each layer (Hibernate, the JDBC driver, JSON, token checks, ...) is on the stack.
 */
public final class JfrProfile {

    /** Layers by package prefix, in report order. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("loyalty code", List.of("com.example.loyalty."));
        LAYERS.put("Hibernate ORM", List.of("org.hibernate."));
        LAYERS.put("JDBC driver (pgjdbc)", List.of("org.postgresql."));
        LAYERS.put("connection pool (Agroal)", List.of("io.agroal."));
        LAYERS.put("JTA (Narayana)", List.of("com.arjuna.", "io.quarkus.narayana."));
        LAYERS.put("token checks (OIDC, jose4j)", List.of("io.quarkus.oidc.", "org.jose4j.", "io.smallrye.jwt."));
        LAYERS.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        LAYERS.put(
                "REST (RESTEasy Reactive)", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive."));
        LAYERS.put("Bean Validation", List.of("org.hibernate.validator."));
        LAYERS.put("HTTP server (Vert.x, Netty)", List.of("io.vertx.", "io.netty."));
        LAYERS.put("Kafka client", List.of("org.apache.kafka."));
        LAYERS.put("metrics (Micrometer)", List.of("io.micrometer."));
        LAYERS.put("CDI (ArC)", List.of("io.quarkus.arc."));
        LAYERS.put("logging", List.of("org.jboss.logging.", "org.jboss.logmanager."));
    }

    private final long pid;
    private final String label;
    private final Path file;

    private JfrProfile(long pid, String label, Path file) {
        this.pid = pid;
        this.label = label;
        this.file = file;
    }

    /**
     * Hooks for a path's run that profile {@code processes} (names of {@code pids}): the recordings start now, before
     * the path's warm-up (starting a recording sets a JVM's JIT compiling again, which the warm-up lets settle); the
     * summaries, of the timed window's samples only, are printed when the window ends.
     */
    public static ClosedLoop.Window recording(Map<String, Long> pids, List<String> processes, String label, Path dir) {
        List<JfrProfile> running = new ArrayList<>();
        for (String name : processes) {
            running.add(start(pids.get(name), label + "-" + name, dir));
        }
        return new ClosedLoop.Window() {
            java.time.Instant from = java.time.Instant.now();

            @Override
            public void started() {
                from = java.time.Instant.now();
            }

            @Override
            public void ended() {
                running.forEach(p -> System.out.println(p.stopAndSummarise(25, from)));
            }
        };
    }

    /** Starts a recording in the JVM {@code pid}. */
    public static JfrProfile start(long pid, String label, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path file =
                dir.resolve(label.replaceAll("[^A-Za-z0-9._-]", "_") + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        return new JfrProfile(pid, label, file);
    }

    /**
     * Stops the recording and summarises the samples taken from {@code from} on: a JVM's JIT compiles anew for a while
     * after a recording starts, so the samples of that while are left out.
     */
    public String stopAndSummarise(int top, java.time.Instant from) {
        jcmd(pid, "JFR.stop", "name=bench");
        try {
            return summarise(top, from);
        } catch (IOException e) {
            return "profile " + label + ": cannot read " + file + ": " + e.getMessage();
        }
    }

    private String summarise(int top, java.time.Instant from) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || e.getStackTrace() == null
                    || e.getStartTime().isBefore(from)) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame first = frames.get(0);
            self.merge(
                    first.getMethod().getType().getName() + "."
                            + first.getMethod().getName(),
                    1,
                    Integer::sum);
            Set<String> seen = new HashSet<>();
            Set<String> oursSeen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String method =
                        f.getMethod().getType().getName() + "." + f.getMethod().getName();
                if (method.startsWith("com.example.loyalty.") && oursSeen.add(method)) {
                    ours.merge(method, 1, Integer::sum);
                }
                String type = f.getMethod().getType().getName();
                for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                    if (!seen.contains(layer.getKey())
                            && layer.getValue().stream().anyMatch(type::startsWith)) {
                        seen.add(layer.getKey());
                    }
                }
            }
            seen.forEach(l -> layers.merge(l, 1, Integer::sum));
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format("profile %s: %d CPU samples (%s)%n", label, samples, file.getFileName()));
        s.append("  share of samples with the layer on the stack:\n");
        for (String layer : LAYERS.keySet()) {
            int n = layers.getOrDefault(layer, 0);
            if (n > 0) {
                s.append(String.format("    %5.1f%%  %s%n", 100.0 * n / samples, layer));
            }
        }
        s.append("  hottest methods (self):\n");
        List<Map.Entry<String, Integer>> hottest = new ArrayList<>(self.entrySet());
        hottest.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> m : hottest.subList(0, Math.min(top, hottest.size()))) {
            s.append(String.format("    %5.1f%%  %s%n", 100.0 * m.getValue() / samples, m.getKey()));
        }
        s.append("  loyalty methods on the stack (inclusive):\n");
        List<Map.Entry<String, Integer>> inclusive = new ArrayList<>(ours.entrySet());
        inclusive.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> m : inclusive.subList(0, Math.min(top, inclusive.size()))) {
            s.append(String.format("    %5.1f%%  %s%n", 100.0 * m.getValue() / samples, m.getKey()));
        }
        return s.toString();
    }

    private static void jcmd(long pid, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
