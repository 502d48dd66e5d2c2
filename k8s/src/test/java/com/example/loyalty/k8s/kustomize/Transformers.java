package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The built-in transformers of the subset: namespace, labels, replicas and images, with kustomize's field specs. */
final class Transformers {
    private Transformers() {}

    // kustomize's metadataLabels field specs: every object's labels and the pod (and job) templates' labels
    static final List<FieldSpec> METADATA_LABELS = List.of(
            FieldSpec.any("metadata/labels", true),
            FieldSpec.ofVersion("v1", "ReplicationController", "spec/template/metadata/labels", true),
            FieldSpec.of("Deployment", "spec/template/metadata/labels", true),
            FieldSpec.of("ReplicaSet", "spec/template/metadata/labels", true),
            FieldSpec.of("DaemonSet", "spec/template/metadata/labels", true),
            FieldSpec.of("apps", "StatefulSet", "spec/template/metadata/labels", true),
            FieldSpec.of("apps", "StatefulSet", "spec/volumeClaimTemplates[]/metadata/labels", true),
            FieldSpec.of("batch", "Job", "spec/template/metadata/labels", true),
            FieldSpec.of("batch", "CronJob", "spec/jobTemplate/metadata/labels", true),
            FieldSpec.of("batch", "CronJob", "spec/jobTemplate/spec/template/metadata/labels", true));

    // kustomize's commonLabels field specs: the metadata labels above and the selectors
    static final List<FieldSpec> COMMON_LABELS;

    static {
        List<FieldSpec> specs = new ArrayList<>(List.of(
                FieldSpec.ofVersion("v1", "Service", "spec/selector", true),
                FieldSpec.ofVersion("v1", "ReplicationController", "spec/selector", true),
                FieldSpec.of("Deployment", "spec/selector/matchLabels", true),
                FieldSpec.of("ReplicaSet", "spec/selector/matchLabels", true),
                FieldSpec.of("DaemonSet", "spec/selector/matchLabels", true),
                FieldSpec.of("apps", "StatefulSet", "spec/selector/matchLabels", true),
                FieldSpec.of("batch", "Job", "spec/selector/matchLabels", false),
                FieldSpec.of("batch", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false),
                FieldSpec.of("policy", "PodDisruptionBudget", "spec/selector/matchLabels", false),
                FieldSpec.of("networking.k8s.io", "NetworkPolicy", "spec/podSelector/matchLabels", false),
                FieldSpec.of("networking.k8s.io", "NetworkPolicy", "spec/ingress/from/podSelector/matchLabels", false),
                FieldSpec.of("networking.k8s.io", "NetworkPolicy", "spec/egress/to/podSelector/matchLabels", false)));
        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (String affinity : List.of(
                    "podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm",
                    "podAffinity/requiredDuringSchedulingIgnoredDuringExecution",
                    "podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm",
                    "podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution")) {
                specs.add(FieldSpec.of(
                        "apps", kind, "spec/template/spec/affinity/" + affinity + "/labelSelector/matchLabels", false));
            }
            specs.add(FieldSpec.of(
                    "apps", kind, "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false));
        }
        specs.addAll(METADATA_LABELS);
        COMMON_LABELS = List.copyOf(specs);
    }

    // kustomize's replicas field specs
    static final List<FieldSpec> REPLICAS = List.of(
            FieldSpec.of("Deployment", "spec/replicas", true),
            FieldSpec.ofVersion("v1", "ReplicationController", "spec/replicas", true),
            FieldSpec.of("ReplicaSet", "spec/replicas", true),
            FieldSpec.of("apps", "StatefulSet", "spec/replicas", true));

    static void namespace(ResMap m, String namespace) {
        for (Resource r : m.resources) {
            r.storePreviousId();
            if (r.kind().equals("Namespace") && r.apiVersion().equals("v1")) {
                r.setName(namespace);
            } else if (!r.curId().clusterScoped()) {
                r.setNamespace(namespace);
            }
            if (r.kind().equals("RoleBinding") || r.kind().equals("ClusterRoleBinding")) {
                for (JsonNode subject : r.obj.path("subjects")) {
                    if (subject.isObject() && subject.path("name").asText().equals("default")) {
                        ((ObjectNode) subject).put("namespace", namespace);
                    }
                }
            }
        }
        for (Resource r : m.resources) {
            long same = m.resources.stream()
                    .filter(o -> o.curId().matches(r.curId()))
                    .count();
            if (same != 1) {
                throw new KustomizeException("namespace transformation produces ID conflict: " + r.curId());
            }
        }
    }

    static void labels(ResMap m, Map<String, String> labels, List<FieldSpec> specs) {
        if (labels.isEmpty()) {
            return;
        }
        for (Resource r : m.resources) {
            for (FieldSpec spec : specs) {
                spec.visit(r, (parent, field) -> {
                    JsonNode map = parent.get(field);
                    if (map == null || map.isNull()) {
                        if (!spec.create()) {
                            return;
                        }
                        map = parent.putObject(field);
                    }
                    if (!map.isObject()) {
                        throw new KustomizeException(r + ": " + spec.path() + " is not a mapping");
                    }
                    labels.forEach(((ObjectNode) map)::put);
                });
            }
        }
    }

    static void replicas(ResMap m, Kustomization.ReplicaEntry replica) {
        boolean found = false;
        for (FieldSpec spec : REPLICAS) {
            for (Resource r : m.resources) {
                boolean named = r.allIds().stream().anyMatch(id -> id.name().equals(replica.name()));
                if (named && spec.selects(r)) {
                    found = true;
                    spec.visit(r, (parent, field) -> parent.put(field, replica.count()));
                }
            }
        }
        if (!found) {
            throw new KustomizeException("replicas: no Deployment, ReplicaSet, StatefulSet or ReplicationController "
                    + "named " + replica.name());
        }
    }

    static void image(ResMap m, Kustomization.ImageEntry image) {
        Pattern matcher = Pattern.compile("^" + image.name() + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
        for (Resource r : m.resources) {
            if (!r.kind().equals("CustomResourceDefinition")) {
                images(r.obj, image, matcher);
            }
        }
    }

    /** kustomize's legacy image filter: every list named containers or initContainers, anywhere in the object. */
    private static void images(JsonNode node, Kustomization.ImageEntry image, Pattern matcher) {
        if (node.isArray()) {
            node.forEach(e -> images(e, image, matcher));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            images(field.getValue(), image, matcher);
            boolean containers =
                    field.getKey().equals("containers") || field.getKey().equals("initContainers");
            if (containers && field.getValue().isArray()) {
                for (JsonNode c : field.getValue()) {
                    JsonNode value = c.get("image");
                    if (value != null
                            && value.isTextual()
                            && matcher.matcher(value.asText()).matches()) {
                        ((ObjectNode) c).put("image", newImage(value.asText(), image));
                    }
                }
            }
        }
    }

    /** kustomize's image update: the new name, and the new tag and/or digest replacing both old ones. */
    static String newImage(String value, Kustomization.ImageEntry image) {
        String[] parts = split(value);
        String name = parts[0];
        String tag = parts[1];
        String digest = parts[2];
        if (!image.newName().isEmpty()) {
            name = image.newName();
        }
        if (!image.newTag().isEmpty() && !image.digest().isEmpty()) {
            tag = image.newTag();
            digest = image.digest();
        } else if (!image.newTag().isEmpty()) {
            tag = image.newTag();
            digest = "";
        } else if (!image.digest().isEmpty()) {
            tag = "";
            digest = image.digest();
        }
        return name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    /** Name, tag and digest of an image reference; a ':' in the registry host is not a tag. */
    static String[] split(String image) {
        int slash = image.indexOf('/');
        int offset = slash > 0 ? slash : 0;
        String search = image.substring(offset);
        int at = search.indexOf('@');
        int colon = search.indexOf(':');
        if (colon < 0 && at < 0) {
            return new String[] {image, "", ""};
        }
        if (at >= 0 && (at < colon || colon < 0)) {
            return new String[] {image.substring(0, offset + at), "", image.substring(offset + at + 1)};
        }
        if (at >= 0) {
            return new String[] {
                image.substring(0, offset + colon),
                image.substring(offset + colon + 1, offset + at),
                image.substring(offset + at + 1)
            };
        }
        return new String[] {image.substring(0, offset + colon), image.substring(offset + colon + 1), ""};
    }
}
