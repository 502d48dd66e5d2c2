package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's name references for ConfigMaps and Secrets: once a generated one got its hash suffix, the places that
 * name it (pod specs' volumes, env, envFrom, imagePullSecrets; Ingress TLS; ServiceAccount pull secrets) in objects of
 * the same namespace follow.
 */
final class NameReferences {
    private NameReferences() {}

    private static final List<String> POD_CONFIG_MAP = List.of(
            "volumes/configMap/name",
            "containers/env/valueFrom/configMapKeyRef/name",
            "initContainers/env/valueFrom/configMapKeyRef/name",
            "containers/envFrom/configMapRef/name",
            "initContainers/envFrom/configMapRef/name",
            "volumes/projected/sources/configMap/name");

    private static final List<String> POD_SECRET = List.of(
            "volumes/secret/secretName",
            "containers/env/valueFrom/secretKeyRef/name",
            "initContainers/env/valueFrom/secretKeyRef/name",
            "containers/envFrom/secretRef/name",
            "initContainers/envFrom/secretRef/name",
            "imagePullSecrets/name",
            "volumes/projected/sources/secret/name");

    static List<FieldSpec> referrers(String kind) {
        List<FieldSpec> specs = new ArrayList<>();
        List<String> podPaths = kind.equals("ConfigMap") ? POD_CONFIG_MAP : POD_SECRET;
        for (String p : podPaths) {
            specs.add(FieldSpec.ofVersion("v1", "Pod", "spec/" + p, false));
            specs.add(FieldSpec.of("PodTemplate", "template/spec/" + p, false));
            for (String workload : List.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job")) {
                specs.add(FieldSpec.of(workload, "spec/template/spec/" + p, false));
            }
            specs.add(FieldSpec.of("CronJob", "spec/jobTemplate/spec/template/spec/" + p, false));
        }
        if (kind.equals("Secret")) {
            specs.add(FieldSpec.of("Ingress", "spec/tls/secretName", false));
            specs.add(FieldSpec.of("ServiceAccount", "imagePullSecrets/name", false));
        }
        return specs;
    }

    static void rename(ResMap m, Resource renamed, String oldName, String newName) {
        String namespace = renamed.curId().effectiveNamespace();
        for (FieldSpec spec : referrers(renamed.kind())) {
            for (Resource r : m.resources) {
                if (!r.curId().effectiveNamespace().equals(namespace)) {
                    continue;
                }
                spec.visit(r, (ObjectNode parent, String field) -> {
                    if (parent.path(field).isTextual()
                            && parent.get(field).asText().equals(oldName)) {
                        parent.put(field, newName);
                    }
                });
            }
        }
    }
}
