package com.example.loyalty.launcher.process;

import java.nio.file.Path;

/**
 * A child process of the stack: its name (also the name of its log), the process, its log file and its kind.
 *
 * @param kind services are stopped before the infrastructure they use
 */
public record Child(String name, Process process, Path log, Kind kind) {

    /** Which stop wave a child belongs to. */
    public enum Kind {
        INFRA,
        SERVICE
    }
}
