package com.example.loyalty.k8s.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.loyalty.k8s.Kubectl;
import com.example.loyalty.k8s.Objects;
import com.example.loyalty.k8s.Repo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java kustomize subset builds what kubectl kustomize (kustomize v5) builds: the same objects, compared as trees,
 * in any order. Each fixture under fixtures/kustomize/ exercises features of the subset; its expected output, made by
 * kubectl, is pinned in fixtures/kustomize/expected/, so CI (without kubectl) checks the subset against it. Where
 * kubectl is installed, every fixture and every overlay of k8s/ is also built by kubectl itself and compared.
 *
 * <p>After changing a fixture: {@code ./mvnw -pl k8s test -Dtest=KustomizeConformanceTest -Dk8s.updateExpected=true}
 * (needs kubectl) rewrites the expected outputs.
 */
class KustomizeConformanceTest {

    static Path fixtures() {
        return Repo.fixtures().resolve("kustomize");
    }

    static Stream<String> fixtureNames() throws IOException {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs
                    .filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /**
     * Every directory kubectl should agree on: k8s/base, every overlay, and the directories of the system property
     * k8s.compareDirs (comma-separated; for trying the subset on manifests elsewhere).
     */
    static Stream<Path> repositoryKustomizations() {
        Stream<Path> base = Stream.of(Repo.k8s().resolve("base"));
        Stream<Path> extra = Stream.of(System.getProperty("k8s.compareDirs", "").split(","))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        return Stream.concat(Stream.concat(base, Repo.overlays().stream()), extra);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void fixtureBuildsAsPinned(String name) throws IOException {
        Path expectedFile = fixtures().resolve("expected").resolve(name + ".yaml");
        if (Boolean.getBoolean("k8s.updateExpected")) {
            assumeTrue(Kubectl.available(), "kubectl is needed to update the expected outputs");
            Files.writeString(
                    expectedFile, Yaml.write(Kubectl.kustomize(fixtures().resolve(name))));
        }
        assertTrue(
                Files.isRegularFile(expectedFile),
                "no expected output " + Repo.relative(expectedFile)
                        + ": run with -Dk8s.updateExpected=true where kubectl is installed");
        List<ObjectNode> expected = Yaml.readObjects(Files.readString(expectedFile), expectedFile.toString());
        List<ObjectNode> actual = Kustomize.build(fixtures().resolve(name));
        assertEquals("", Objects.diff(expected, actual), "fixture " + name + " against " + expectedFile.getFileName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void fixtureBuildsAsKubectl(String name) {
        assumeTrue(Kubectl.available(), "kubectl is not installed");
        Path dir = fixtures().resolve(name);
        assertEquals("", Objects.diff(Kubectl.kustomize(dir), Kustomize.build(dir)), "fixture " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repositoryKustomizations")
    void repositoryBuildsAsKubectl(Path dir) {
        assumeTrue(Kubectl.available(), "kubectl is not installed");
        assertEquals("", Objects.diff(Kubectl.kustomize(dir), Kustomize.build(dir)), Repo.relative(dir));
    }
}
