package com.example.loyalty.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resident memory of a process and all its descendants (a postmaster and its backends, {@code kc.sh} and its JVM),
 * in KiB, read from {@code /proc}. Pages shared between the processes of a tree (PostgreSQL's shared buffers) are
 * counted once, by summing each process' proportional set size ({@code Pss} of {@code smaps_rollup}); where that file
 * cannot be read, its {@code VmRSS}.
 */
final class ProcessMemory {

    private ProcessMemory() {}

    /** The tree's memory in KiB, empty when the process is gone or {@code /proc} cannot be read. */
    static Optional<Long> ofTree(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<ProcessHandle> tree = new ArrayList<>(root.get().descendants().toList());
        tree.add(root.get());
        long total = 0;
        boolean any = false;
        for (ProcessHandle h : tree) {
            Optional<Long> kib = ofProcess(h.pid());
            if (kib.isPresent()) {
                total += kib.get();
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    static Optional<Long> ofProcess(long pid) {
        Optional<Long> pss = field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
        return pss.isPresent() ? pss : field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    private static Optional<Long> field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return Optional.empty();
    }
}
