package com.example.loyalty.k8s.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the subset refuses, loudly, instead of building something kubectl would build differently. */
class KustomizeSubsetTest {
    @TempDir
    Path dir;

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n";

    private String failure(String kustomization) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
        Files.writeString(dir.resolve("cm.yaml"), CONFIG_MAP);
        return assertThrows(KustomizeException.class, () -> Kustomize.build(dir))
                .getMessage();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "commonAnnotations",
                "namePrefix",
                "nameSuffix",
                "patchesStrategicMerge",
                "patchesJson6902",
                "vars",
                "replacements",
                "helmCharts",
                "generatorOptions",
                "transformers",
                "crds"
            })
    void aFieldOutsideTheSubsetFailsWithItsName(String field) throws IOException {
        String message = failure("resources: [cm.yaml]\n" + field + ": {}\n");
        assertTrue(message.contains("field '" + field + "' is outside the kustomize subset"), message);
    }

    @Test
    void anUnknownOptionOfAnEntryFails() throws IOException {
        String message = failure("resources: [cm.yaml]\nlabels:\n- pairs: {a: b}\n  fields: []\n");
        assertTrue(message.contains("field 'fields'"), message);
    }

    @Test
    void aGeneratorMergeFails() throws IOException {
        String message = failure("configMapGenerator:\n- name: a\n  behavior: merge\n  literals: [a=b]\n");
        assertTrue(message.contains("behavior 'merge'"), message);
    }

    @Test
    void aRemoteResourceFails() throws IOException {
        String message = failure("resources: [https://github.com/example/base]\n");
        assertTrue(message.contains("remote resource"), message);
    }

    @Test
    void aFileOutsideTheKustomizationFails() throws IOException {
        Path inner = Files.createDirectory(dir.resolve("inner"));
        Files.writeString(inner.resolve("kustomization.yaml"), "resources: [../cm.yaml]\n");
        Files.writeString(dir.resolve("cm.yaml"), CONFIG_MAP);
        String message = assertThrows(KustomizeException.class, () -> Kustomize.build(inner))
                .getMessage();
        assertTrue(message.contains("is not in or below"), message);
    }

    @Test
    void aJsonPatchWithoutTargetFails() throws IOException {
        String message = failure("resources: [cm.yaml]\npatches:\n- patch: |-\n    - {op: remove, path: /data}\n");
        assertTrue(message.contains("needs a target"), message);
    }

    @Test
    void aPatchWithoutItsObjectFails() throws IOException {
        String message =
                failure("resources: [cm.yaml]\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n"
                        + "    metadata: {name: b}\n");
        assertTrue(message.contains("no resource matches strategic merge patch"), message);
    }

    @Test
    void twoObjectsWithOneIdFail() throws IOException {
        Files.writeString(dir.resolve("again.yaml"), CONFIG_MAP);
        String message = failure("resources: [cm.yaml, again.yaml]\n");
        assertTrue(message.contains("already registered id"), message);
    }

    @Test
    void duplicateKeysInYamlFail() throws IOException {
        Files.writeString(dir.resolve("dup.yaml"), CONFIG_MAP + "data:\n  x: y\n");
        String message = failure("resources: [dup.yaml]\n");
        assertTrue(message.contains("not valid YAML"), message);
    }

    @Test
    void theNameHashIsKustomizes() {
        // kubectl kustomize (v5.5) names a generated ConfigMap {a: {b: c}} a-c78c7b75hm
        var cm = Yaml.readObjects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {b: c}\n", "t");
        assertEquals("c78c7b75hm", NameHash.of(cm.get(0)));
    }
}
