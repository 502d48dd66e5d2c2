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
 * cannot be read, its {@code VmRSS}. The part of it that is shared memory ({@code Pss_Shmem}: PostgreSQL's buffer pool,
 * a segment of fixed size mapped at start and resident page by page as the pool fills) is given apart.
 */
final class ProcessMemory {

    /**
     * One tree's memory in KiB.
     *
     * @param pss          the summed proportional set size, shared memory included
     * @param sharedMemory the part of it in shared memory segments ({@code Pss_Shmem}; 0 where not reported)
     */
    record Usage(long pss, long sharedMemory) {
        /** The memory the processes hold of their own: {@link #pss} less the shared memory segments. */
        long own() {
            return pss - sharedMemory;
        }
    }

    private ProcessMemory() {}

    /** The tree's memory, empty when the process is gone or {@code /proc} cannot be read. */
    static Optional<Usage> ofTree(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<ProcessHandle> tree = new ArrayList<>(root.get().descendants().toList());
        tree.add(root.get());
        long total = 0;
        long shared = 0;
        boolean any = false;
        for (ProcessHandle h : tree) {
            Optional<Usage> usage = ofProcess(h.pid());
            if (usage.isPresent()) {
                total += usage.get().pss();
                shared += usage.get().sharedMemory();
                any = true;
            }
        }
        return any ? Optional.of(new Usage(total, shared)) : Optional.empty();
    }

    static Optional<Usage> ofProcess(long pid) {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        Optional<Long> pss = field(rollup, "Pss:");
        if (pss.isPresent()) {
            return Optional.of(new Usage(pss.get(), field(rollup, "Pss_Shmem:").orElse(0L)));
        }
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:").map(rss -> new Usage(rss, 0));
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
