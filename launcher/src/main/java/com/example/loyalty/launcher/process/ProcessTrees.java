package com.example.loyalty.launcher.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stops whole process trees (a {@code kc.sh} script and its JVM, a postmaster and its backends): SIGTERM to every
 * process, a grace period, then SIGKILL to what is left.
 */
public final class ProcessTrees {

    private ProcessTrees() {}

    public static void terminate(List<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            all.addAll(tree(root));
        }
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            awaitExit(h, deadline - System.nanoTime());
        }
        // children started during the grace period belong to the tree too
        for (ProcessHandle root : roots) {
            if (root.isAlive()) {
                all.addAll(tree(root));
            }
        }
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
                left.add(h);
            }
        }
        long forcedDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle h : left) {
            awaitExit(h, forcedDeadline - System.nanoTime());
        }
    }

    /** SIGKILL to the process and all its descendants at once (a crash), then waits up to 10 s until they are gone. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> all = tree(root);
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : all) {
            awaitExit(h, deadline - System.nanoTime());
        }
    }

    /** The process and its descendants, deepest first. */
    public static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> list = new ArrayList<>(root.descendants().toList());
        java.util.Collections.reverse(list);
        list.add(root);
        return list;
    }

    private static void awaitExit(ProcessHandle h, long nanos) {
        if (!h.isAlive()) {
            return;
        }
        try {
            h.onExit().get(Math.max(nanos, 1), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out or failed: the caller kills it
        }
    }
}
