package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kubectl kustomize DIR} for the subset of kustomize this repository's manifests use (k8s/src/test/README.md):
 * resources (files and directories), components, namespace, labels and commonLabels, images, replicas, patches
 * (strategic-merge or JSON 6902, by id or by target selector), and configMapGenerator / secretGenerator with literals
 * and files, with kustomize's name hash and the name references that follow it. The order of the steps is kustomize's:
 * resources, generators, components, then patches, namespace, labels, replicas, images; name hashes last, at the top.
 */
public final class Kustomize {
    private Kustomize() {}

    /** Builds the kustomization in the directory, as kubectl kustomize would. */
    public static List<ObjectNode> build(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Kustomization k = Kustomization.load(root);
        if (k.component()) {
            throw new KustomizeException(k.file() + ": a Component cannot be built on its own");
        }
        ResMap m = accumulate(k, new ResMap());
        addNameHashes(m);
        List<ObjectNode> out = new ArrayList<>();
        for (Resource r : m.resources) {
            if ("true".equals(r.annotation("config.kubernetes.io/local-config"))) {
                continue;
            }
            JsonNode annotations = r.obj.path("metadata").get("annotations");
            if (annotations != null && (annotations.isNull() || annotations.isEmpty())) {
                r.metadata().remove("annotations");
            }
            out.add(r.obj);
        }
        return out;
    }

    private static ResMap accumulate(Kustomization k, ResMap m) {
        for (String resource : k.resources()) {
            accumulateResource(k, m, resource);
        }
        for (Kustomization.GeneratorEntry g : k.configMapGenerator()) {
            m.append(Generators.configMap(k, g), k.file().toString());
        }
        for (Kustomization.GeneratorEntry g : k.secretGenerator()) {
            m.append(Generators.secret(k, g), k.file().toString());
        }
        for (String component : k.components()) {
            Path dir = directory(k, component, "component");
            Kustomization c = Kustomization.load(dir);
            if (!c.component()) {
                throw new KustomizeException(k.file() + ": components: " + component + " is not a Component");
            }
            m = accumulate(c, m);
        }
        for (Kustomization.PatchEntry patch : k.patches()) {
            patch(k, m, patch);
        }
        if (!k.namespace().isEmpty()) {
            Transformers.namespace(m, k.namespace());
        }
        for (Kustomization.LabelsEntry labels : k.labels()) {
            List<FieldSpec> specs = labels.includeSelectors()
                    ? Transformers.COMMON_LABELS
                    : labels.includeTemplates()
                            ? Transformers.METADATA_LABELS
                            : List.of(FieldSpec.any("metadata/labels", true));
            Transformers.labels(m, labels.pairs(), specs);
        }
        Transformers.labels(m, k.commonLabels(), Transformers.COMMON_LABELS);
        for (Kustomization.ReplicaEntry replica : k.replicas()) {
            Transformers.replicas(m, replica);
        }
        for (Kustomization.ImageEntry image : k.images()) {
            Transformers.image(m, image);
        }
        return m;
    }

    private static void accumulateResource(Kustomization k, ResMap m, String entry) {
        if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@")) {
            throw new KustomizeException(k.file() + ": remote resource " + entry + " is outside the kustomize subset "
                    + "this build supports");
        }
        Path path = k.dir().resolve(entry).normalize();
        if (Files.isRegularFile(path)) {
            Path file = fileWithin(k, entry, "resources");
            for (ObjectNode obj : Yaml.readObjects(Yaml.read(file), file.toString())) {
                for (ObjectNode item : expandList(obj, file)) {
                    m.append(new Resource(item), file.toString());
                }
            }
        } else if (Files.isDirectory(path)) {
            Kustomization sub = Kustomization.load(path);
            if (sub.component()) {
                throw new KustomizeException(
                        k.file() + ": resources: " + entry + " is a Component; list it under components");
            }
            m.appendAll(accumulate(sub, new ResMap()), sub.file().toString());
        } else {
            throw new KustomizeException(k.file() + ": resources: " + entry + " not found");
        }
    }

    private static List<ObjectNode> expandList(ObjectNode obj, Path file) {
        if (!obj.path("kind").asText().equals("List")) {
            if (!obj.path("kind").isTextual()
                    || !obj.path("apiVersion").isTextual()
                    || !obj.path("metadata").path("name").isTextual()) {
                throw new KustomizeException(file + ": an object without apiVersion, kind or metadata.name: " + obj);
            }
            return List.of(obj);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : obj.path("items")) {
            items.addAll(expandList((ObjectNode) item, file));
        }
        return items;
    }

    private static Path directory(Kustomization k, String entry, String what) {
        Path dir = k.dir().resolve(entry).normalize();
        if (!Files.isDirectory(dir)) {
            throw new KustomizeException(k.file() + ": " + what + " " + entry + " is not a directory");
        }
        return dir;
    }

    /** A file a kustomization reads: it must lie in or below the kustomization's directory (kustomize's default). */
    static Path fileWithin(Kustomization k, String entry, String what) {
        Path file = k.dir().resolve(entry).normalize();
        if (!file.startsWith(k.dir())) {
            throw new KustomizeException(
                    k.file() + ": " + what + ": security; file '" + file + "' is not in or below '" + k.dir() + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException(k.file() + ": " + what + ": " + entry + " not found");
        }
        return file;
    }

    private static void patch(Kustomization k, ResMap m, Kustomization.PatchEntry entry) {
        String source;
        String text;
        if (entry.path() != null) {
            Path file = fileWithin(k, entry.path(), "patches");
            source = file.toString();
            text = Yaml.read(file);
        } else {
            source = k.file() + ": inline patch";
            text = entry.patch();
        }
        List<JsonNode> docs = Yaml.readAll(text.strip(), source);
        if (docs.isEmpty()) {
            throw new KustomizeException(source + ": empty patch");
        }
        if (docs.get(0).isArray()) {
            if (docs.size() != 1) {
                throw new KustomizeException(source + ": a JSON patch is one list of operations");
            }
            if (entry.target() == null) {
                throw new KustomizeException(source + ": a JSON patch needs a target");
            }
            for (Resource r : select(m, entry.target(), source)) {
                r.storePreviousId();
                // kustomize's objects carry internal annotations throughout a build, so a patch may add below
                // /metadata/annotations of an object that has none of its own; empty annotations go at the end
                if (!r.metadata().has("annotations")) {
                    r.metadata().putObject("annotations");
                }
                r.obj = JsonPatch.apply(r.obj, docs.get(0), source);
            }
            return;
        }
        List<ObjectNode> patches = new ArrayList<>();
        for (JsonNode doc : docs) {
            if (!doc.isObject()) {
                throw new KustomizeException(source + ": a strategic-merge patch is a mapping");
            }
            patches.add((ObjectNode) doc);
        }
        if (entry.target() != null) {
            if (patches.size() > 1) {
                throw new KustomizeException(source
                        + ": Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set "
                        + "`patches.target` field");
            }
            for (Resource r : select(m, entry.target(), source)) {
                ObjectNode p = patches.get(0).deepCopy();
                p.put("apiVersion", r.apiVersion());
                applyStrategicMerge(m, r, p);
            }
            return;
        }
        for (ObjectNode p : patches) {
            Resource patchId = new Resource(p);
            List<Resource> targets = m.resources.stream()
                    .filter(r -> r.allIds().stream().anyMatch(id -> id.matches(patchId.curId())))
                    .toList();
            if (targets.size() != 1) {
                throw new KustomizeException(source + ": " + (targets.isEmpty() ? "no" : "more than one")
                        + " resource matches strategic merge patch " + patchId.curId());
            }
            applyStrategicMerge(m, targets.get(0), p);
        }
    }

    private static void applyStrategicMerge(ResMap m, Resource r, ObjectNode patch) {
        String name = r.name();
        String namespace = r.namespace();
        String kind = r.kind();
        ObjectNode merged = StrategicMerge.apply(r.obj, patch);
        if (merged == null || merged.isEmpty()) {
            m.resources.remove(r);
            return;
        }
        r.obj = merged;
        r.obj.put("kind", kind);
        r.setName(name);
        r.setNamespace(namespace);
    }

    /** kustomize's target selector: group, version, kind, name and namespace as anchored regular expressions. */
    static List<Resource> select(ResMap m, Kustomization.Target t, String source) {
        List<Resource> selected = new ArrayList<>();
        for (Resource r : m.resources) {
            ResId org = r.orgId();
            ResId cur = r.curId();
            if (!t.namespace().isEmpty()
                    && !matches(t.namespace(), org.effectiveNamespace())
                    && !matches(t.namespace(), cur.effectiveNamespace())) {
                continue;
            }
            if (!t.name().isEmpty() && !matches(t.name(), org.name()) && !matches(t.name(), cur.name())) {
                continue;
            }
            if ((!t.group().isEmpty() && !matches(t.group(), r.group()))
                    || (!t.version().isEmpty() && !matches(t.version(), r.version()))
                    || (!t.kind().isEmpty() && !matches(t.kind(), r.kind()))) {
                continue;
            }
            if (!t.labelSelector().isEmpty()
                    && !LabelSelector.parse(t.labelSelector())
                            .test(map(r.obj.path("metadata").path("labels")))) {
                continue;
            }
            if (!t.annotationSelector().isEmpty()
                    && !LabelSelector.parse(t.annotationSelector())
                            .test(map(r.obj.path("metadata").path("annotations")))) {
                continue;
            }
            selected.add(r);
        }
        return selected;
    }

    private static boolean matches(String pattern, String value) {
        return Pattern.compile("^(?:" + pattern + ")$").matcher(value).matches();
    }

    /** The labels of an object's (or a template's) metadata. */
    public static Map<String, String> labels(JsonNode metadata) {
        return map(metadata.path("labels"));
    }

    static Map<String, String> map(JsonNode node) {
        Map<String, String> result = new HashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                result.put(e.getKey(), e.getValue().asText());
            }
        }
        return result;
    }

    private static void addNameHashes(ResMap m) {
        Map<Resource, String> renamed = new LinkedHashMap<>();
        for (Resource r : m.resources) {
            if (r.needsHashSuffix) {
                String old = r.name();
                r.storePreviousId();
                r.setName(old + "-" + NameHash.of(r.obj));
                renamed.put(r, old);
            }
        }
        renamed.forEach((r, old) -> NameReferences.rename(m, r, old, r.name()));
    }
}
