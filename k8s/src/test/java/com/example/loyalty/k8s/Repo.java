package com.example.loyalty.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are: the repository root (the directory above k8s/, found from the working directory Maven gives the
 * module) and the test fixtures. A policy check runs against a root, so the same checks read the real repository and
 * the small fixture repositories under src/test/resources/fixtures/policy/.
 */
public final class Repo {
    /** The five workloads of the shared contract (Deployment, Service and container of the same name). */
    public static final List<String> WORKLOADS =
            List.of("gateway", "points-service", "survey-service", "metrics-service", "community-service");

    private Repo() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s")) && Files.isRegularFile(p.resolve("docs/local-stack.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (k8s/ and docs/local-stack.md) above " + dir);
    }

    public static Path k8s() {
        return root().resolve("k8s");
    }

    public static Path fixtures() {
        return k8s().resolve("src/test/resources/fixtures");
    }

    /** The overlays of k8s/overlays, whatever exists: every directory with a kustomization. */
    public static List<Path> overlays() {
        Path dir = k8s().resolve("overlays");
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .sorted()
                    .forEach(result::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return result;
    }

    /** The workloads a root has: those of the five with a src/main/resources/application.properties there. */
    public static List<String> workloads(Path root) {
        return WORKLOADS.stream()
                .filter(w -> Files.isRegularFile(applicationProperties(root, w)))
                .toList();
    }

    public static Path applicationProperties(Path root, String workload) {
        return root.resolve(workload).resolve("src/main/resources/application.properties");
    }

    /** A path as the reader knows it: relative to the repository root. */
    public static String relative(Path p) {
        Path root = root();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
