package com.example.loyalty.k8s;

import com.example.loyalty.k8s.kustomize.Kustomize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The builds the checks run on, each built once per test run: the overlays of k8s/overlays (whatever exists) and
 * k8s/base, and the fixture repositories that prove the checks' logic.
 */
public final class Builds {
    private static final Map<Path, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

    private Builds() {}

    /** One kustomization to build, and the repository root its services and docs are read from. */
    public record Target(String name, Path root, Path dir) {
        public List<ObjectNode> objects() {
            return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::build);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every overlay of k8s/overlays: zero before the overlays exist, each one after. */
    public static Stream<Target> overlays() {
        return Repo.overlays().stream().map(dir -> new Target("k8s/overlays/" + dir.getFileName(), Repo.root(), dir));
    }

    /** k8s/base and every overlay. */
    public static Stream<Target> repository() {
        return Stream.concat(
                Stream.of(new Target("k8s/base", Repo.root(), Repo.k8s().resolve("base"))), overlays());
    }
}
