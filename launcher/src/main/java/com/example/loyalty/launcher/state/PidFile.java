package com.example.loyalty.launcher.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code run.pids}: one line {@code <name> <pid> <start time in epoch ms>} per process the launcher started, so that
 * the next start can stop what a launcher killed with SIGKILL left running. The start time tells a process that
 * still runs from an unrelated one that got the same pid later.
 */
public final class PidFile {

    /** A recorded process. */
    public record Entry(String name, long pid, long startMillis) {

        /** The process when it still runs with the recorded start time. */
        public Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid)
                    .filter(p -> p.info()
                            .startInstant()
                            .map(i -> i.toEpochMilli() == startMillis)
                            .orElse(false));
        }
    }

    private final Path file;

    public PidFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Appends {@code handle}; a failure is ignored (the file only serves the clean-up after a killed launcher). */
    public synchronized void record(String name, ProcessHandle handle) {
        long start = handle.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        try {
            Files.writeString(
                    file,
                    name + " " + handle.pid() + " " + start + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only used to clean up after a killed launcher
        }
    }

    /** The recorded processes; lines that are not {@code <name> <pid> <start>} are skipped, a missing file is empty. */
    public List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length != 3) {
                    continue;
                }
                try {
                    entries.add(new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: nothing to clean up
        }
        return entries;
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start finds no live process with those start times
        }
    }
}
