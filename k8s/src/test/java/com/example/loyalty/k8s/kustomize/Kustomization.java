package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kustomization.yaml, read strictly: every field outside the subset this build implements fails with its name, so
 * nobody relies on a feature that kubectl would honour and the build would silently ignore.
 */
record Kustomization(
        Path dir,
        Path file,
        boolean component,
        List<String> resources,
        List<String> components,
        String namespace,
        List<LabelsEntry> labels,
        Map<String, String> commonLabels,
        List<ImageEntry> images,
        List<ReplicaEntry> replicas,
        List<PatchEntry> patches,
        List<GeneratorEntry> configMapGenerator,
        List<GeneratorEntry> secretGenerator) {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    static final Set<String> FIELDS = Set.of(
            "apiVersion",
            "kind",
            "resources",
            "components",
            "namespace",
            "labels",
            "commonLabels",
            "images",
            "replicas",
            "patches",
            "configMapGenerator",
            "secretGenerator");

    record LabelsEntry(Map<String, String> pairs, boolean includeSelectors, boolean includeTemplates) {}

    record ImageEntry(String name, String newName, String newTag, String digest) {}

    record ReplicaEntry(String name, long count) {}

    record Target(
            String group,
            String version,
            String kind,
            String name,
            String namespace,
            String labelSelector,
            String annotationSelector) {}

    record PatchEntry(String path, String patch, Target target) {}

    record GeneratorEntry(
            String name,
            String namespace,
            String type,
            List<String> literals,
            List<String> files,
            boolean disableNameSuffixHash,
            Map<String, String> labels,
            Map<String, String> annotations,
            Boolean immutable) {}

    static Path fileIn(Path dir) {
        Path found = null;
        for (String name : FILE_NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                if (found != null) {
                    throw new KustomizeException(
                            dir + ": more than one kustomization file: " + found.getFileName() + " and " + name);
                }
                found = candidate;
            }
        }
        return found;
    }

    static Kustomization load(Path dir) {
        Path file = fileIn(dir);
        if (file == null) {
            throw new KustomizeException(dir + ": no kustomization.yaml");
        }
        List<JsonNode> docs = Yaml.readAll(Yaml.read(file), file.toString());
        if (docs.size() != 1 || !docs.get(0).isObject()) {
            throw new KustomizeException(file + ": expected one mapping");
        }
        return parse(dir, file, (ObjectNode) docs.get(0));
    }

    static Kustomization parse(Path dir, Path file, ObjectNode k) {
        Fields f = new Fields(file.toString(), k);
        f.only(FIELDS);
        String kind = f.string("kind", "Kustomization");
        boolean component;
        String expectedApiVersion;
        if (kind.equals("Kustomization")) {
            component = false;
            expectedApiVersion = "kustomize.config.k8s.io/v1beta1";
        } else if (kind.equals("Component")) {
            component = true;
            expectedApiVersion = "kustomize.config.k8s.io/v1alpha1";
        } else {
            throw new KustomizeException(file + ": kind must be Kustomization or Component, not " + kind);
        }
        String apiVersion = f.string("apiVersion", expectedApiVersion);
        if (!apiVersion.equals(expectedApiVersion)) {
            throw new KustomizeException(file + ": apiVersion of a " + kind + " is " + expectedApiVersion);
        }

        List<LabelsEntry> labels = new ArrayList<>();
        for (Fields l : f.objects("labels")) {
            l.only(Set.of("pairs", "includeSelectors", "includeTemplates"));
            labels.add(new LabelsEntry(
                    l.stringMap("pairs"), l.bool("includeSelectors", false), l.bool("includeTemplates", false)));
        }
        List<ImageEntry> images = new ArrayList<>();
        for (Fields i : f.objects("images")) {
            i.only(Set.of("name", "newName", "newTag", "digest"));
            images.add(new ImageEntry(
                    i.required("name"), i.string("newName", ""), i.string("newTag", ""), i.string("digest", "")));
        }
        List<ReplicaEntry> replicas = new ArrayList<>();
        for (Fields r : f.objects("replicas")) {
            r.only(Set.of("name", "count"));
            JsonNode count = r.node.get("count");
            if (count == null || !count.canConvertToLong()) {
                throw new KustomizeException(file + ": replicas entry needs an integer count: " + r.node);
            }
            replicas.add(new ReplicaEntry(r.required("name"), count.asLong()));
        }
        List<PatchEntry> patches = new ArrayList<>();
        for (Fields p : f.objects("patches")) {
            p.only(Set.of("path", "patch", "target"));
            Target target = null;
            if (p.node.has("target")) {
                Fields t = p.object("target");
                t.only(Set.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"));
                target = new Target(
                        t.string("group", ""),
                        t.string("version", ""),
                        t.string("kind", ""),
                        t.string("name", ""),
                        t.string("namespace", ""),
                        t.string("labelSelector", ""),
                        t.string("annotationSelector", ""));
            }
            String path = p.string("path", null);
            String patch = p.string("patch", null);
            if ((path == null) == (patch == null)) {
                throw new KustomizeException(file + ": a patch needs exactly one of path and patch: " + p.node);
            }
            patches.add(new PatchEntry(path, patch, target));
        }
        return new Kustomization(
                dir,
                file,
                component,
                f.strings("resources"),
                f.strings("components"),
                f.string("namespace", ""),
                labels,
                f.stringMap("commonLabels"),
                images,
                replicas,
                patches,
                generators(f, "configMapGenerator", false),
                generators(f, "secretGenerator", true));
    }

    private static List<GeneratorEntry> generators(Fields f, String field, boolean secret) {
        List<GeneratorEntry> result = new ArrayList<>();
        for (Fields g : f.objects(field)) {
            g.only(
                    secret
                            ? Set.of("name", "namespace", "behavior", "literals", "files", "options", "type")
                            : Set.of("name", "namespace", "behavior", "literals", "files", "options"));
            String behavior = g.string("behavior", "create");
            if (!behavior.equals("create")) {
                throw new KustomizeException(f.source + ": " + field + " behavior '" + behavior
                        + "' is outside the kustomize subset this build supports (create only)");
            }
            boolean disableHash = false;
            Map<String, String> labels = Map.of();
            Map<String, String> annotations = Map.of();
            Boolean immutable = null;
            if (g.node.has("options")) {
                Fields o = g.object("options");
                o.only(Set.of("disableNameSuffixHash", "labels", "annotations", "immutable"));
                disableHash = o.bool("disableNameSuffixHash", false);
                labels = o.stringMap("labels");
                annotations = o.stringMap("annotations");
                immutable = o.node.has("immutable") ? o.bool("immutable", false) : null;
            }
            result.add(new GeneratorEntry(
                    g.required("name"),
                    g.string("namespace", ""),
                    secret ? g.string("type", "Opaque") : null,
                    g.strings("literals"),
                    g.strings("files"),
                    disableHash,
                    labels,
                    annotations,
                    immutable));
        }
        return result;
    }

    /** Typed, strict access to the fields of one mapping. */
    private static final class Fields {
        final String source;
        final ObjectNode node;

        Fields(String source, ObjectNode node) {
            this.source = source;
            this.node = node;
        }

        void only(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new KustomizeException(source + ": field '" + name
                            + "' is outside the kustomize subset this build supports (allowed here: "
                            + allowed.stream().sorted().toList() + "; see k8s/src/test/README.md)");
                }
            }
        }

        String string(String field, String fallback) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isValueNode()) {
                throw new KustomizeException(source + ": " + field + " must be a string: " + v);
            }
            return v.asText();
        }

        String required(String field) {
            String v = string(field, null);
            if (v == null || v.isEmpty()) {
                throw new KustomizeException(source + ": missing " + field + " in " + node);
            }
            return v;
        }

        boolean bool(String field, boolean fallback) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new KustomizeException(source + ": " + field + " must be true or false: " + v);
            }
            return v.booleanValue();
        }

        List<String> strings(String field) {
            JsonNode v = node.get(field);
            List<String> result = new ArrayList<>();
            if (v == null || v.isNull()) {
                return result;
            }
            if (!v.isArray()) {
                throw new KustomizeException(source + ": " + field + " must be a list: " + v);
            }
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    throw new KustomizeException(source + ": " + field + " entries must be strings: " + e);
                }
                result.add(e.asText());
            }
            return result;
        }

        Map<String, String> stringMap(String field) {
            JsonNode v = node.get(field);
            Map<String, String> result = new LinkedHashMap<>();
            if (v == null || v.isNull()) {
                return result;
            }
            if (!v.isObject()) {
                throw new KustomizeException(source + ": " + field + " must be a mapping: " + v);
            }
            v.fields().forEachRemaining(e -> {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new KustomizeException(source + ": " + field + "." + e.getKey() + " must be a string");
                }
                result.put(e.getKey(), e.getValue().asText());
            });
            return result;
        }

        Fields object(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isObject()) {
                throw new KustomizeException(source + ": " + field + " must be a mapping: " + v);
            }
            return new Fields(source, (ObjectNode) v);
        }

        List<Fields> objects(String field) {
            JsonNode v = node.get(field);
            List<Fields> result = new ArrayList<>();
            if (v == null || v.isNull()) {
                return result;
            }
            if (!v.isArray()) {
                throw new KustomizeException(source + ": " + field + " must be a list: " + v);
            }
            for (JsonNode e : v) {
                if (!e.isObject()) {
                    throw new KustomizeException(source + ": " + field + " entries must be mappings: " + e);
                }
                result.add(new Fields(source, (ObjectNode) e));
            }
            return result;
        }
    }
}
