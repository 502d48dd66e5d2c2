package com.example.loyalty.launcher.state;

import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.io.FileTrees;
import com.example.loyalty.launcher.process.ProcessTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The state directory of a stack ({@code .loyalty/} by default): data and logs of every component. It is only used
 * when it is empty or carries the {@value #MARKER} file, by one launcher at a time ({@value #LOCK_FILE}, held until
 * {@link #release()} or until the JVM dies). Its {@code run.pids} ({@link PidFile}) lets the next start stop what a
 * launcher killed with SIGKILL left running; {@code --fresh} empties it.
 */
public final class StateDir {

    public static final String MARKER = ".loyalty-state";
    public static final String LOCK_FILE = ".lock";

    private final Path dir;
    private final Consumer<String> progress;
    private final PidFile pids;
    private FileChannel lockChannel;

    /** {@code progress} receives the lines about leftovers and {@code --fresh}. */
    public StateDir(Path dir, Consumer<String> progress) {
        this.dir = dir;
        this.progress = progress;
        this.pids = new PidFile(dir.resolve("run.pids"));
    }

    public Path path() {
        return dir;
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public PidFile pidFile() {
        return pids;
    }

    /** Refuses a directory that is neither empty nor marked as a loyalty state directory, or that is a file. */
    public void check() {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER)) && !FileTrees.isEmptyBut(dir, LOCK_FILE)) {
            throw new StackException(Display.path(dir) + " exists and is not a loyalty state directory (no " + MARKER
                    + " file): choose another --state-dir");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StackException(Display.path(dir) + " is not a directory: choose another --state-dir");
        }
    }

    /** Takes the lock of the directory (creating it) and writes this JVM's pid into the lock file. */
    public synchronized void lock() {
        Path lockFile = dir.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(lockFile).trim();
                channel.close();
                throw new StackException("another `loyalty up`" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + " is running with the state directory " + Display.path(dir) + "; stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            lockChannel = channel;
        } catch (IOException e) {
            throw new StackException("cannot lock " + Display.path(lockFile) + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean isLocked() {
        return lockChannel != null;
    }

    /**
     * Stops the processes an earlier run recorded that still run (services and other children first, PostgreSQL
     * last) and forgets them. Call it with the lock held.
     */
    public void stopLeftovers() {
        List<String> names = new ArrayList<>();
        List<ProcessHandle> others = new ArrayList<>();
        List<ProcessHandle> databases = new ArrayList<>();
        for (PidFile.Entry e : pids.read()) {
            Optional<ProcessHandle> h = e.live();
            if (h.isPresent()) {
                names.add(e.name() + " (pid " + e.pid() + ")");
                (e.name().equals("postgres") ? databases : others).add(h.get());
            }
        }
        if (!names.isEmpty()) {
            progress.accept("stopping processes left over by an earlier run: " + String.join(", ", names));
            ProcessTrees.terminate(others, Duration.ofSeconds(15));
            ProcessTrees.terminate(databases, Duration.ofSeconds(20));
        }
        pids.delete();
    }

    /** {@code --fresh}: deletes everything in the directory but the lock file. */
    public void deleteData() {
        progress.accept("deleting the data in " + Display.path(dir) + " (--fresh)");
        FileTrees.deleteContents(dir, LOCK_FILE);
    }

    /** Creates the directory, its {@code logs/} and the {@value #MARKER} file. */
    public void create() {
        try {
            Files.createDirectories(logs());
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(
                        marker, "State of the local loyalty stack (`loyalty up`); delete with `loyalty up --fresh`.\n");
            }
        } catch (IOException e) {
            throw new StackException("cannot create " + Display.path(dir) + ": " + e.getMessage(), e);
        }
    }

    /** Records a started process in the pid file (the hook of the process supervisor). */
    public void recordPid(String name, ProcessHandle handle) {
        pids.record(name, handle);
    }

    /**
     * After a stop: forgets the recorded processes and releases the lock. Does nothing when this launcher does not
     * hold the lock (another launcher's pid file is left alone).
     */
    public synchronized void release() {
        if (lockChannel == null) {
            return;
        }
        pids.delete();
        try {
            lockChannel.truncate(0);
            lockChannel.close();
        } catch (IOException e) {
            // released when this JVM exits
        }
        lockChannel = null;
    }
}
