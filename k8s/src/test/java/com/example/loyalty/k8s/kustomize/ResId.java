package com.example.loyalty.k8s.kustomize;

import java.util.Set;

/** Group, version, kind, name and namespace of an object: what kustomize identifies resources by. */
record ResId(String group, String version, String kind, String name, String namespace) {

    /** Kinds without a namespace (kustomize's list of the built-in cluster-scoped kinds); any other is namespaced. */
    static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "Node",
            "PersistentVolume",
            "ComponentStatus",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "APIService",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
            "CertificateSigningRequest",
            "IngressClass",
            "RuntimeClass",
            "PriorityClass",
            "StorageClass",
            "CSIDriver",
            "CSINode",
            "VolumeAttachment");

    boolean clusterScoped() {
        return CLUSTER_SCOPED.contains(kind);
    }

    /** kustomize's EffectiveNamespace: none for cluster-scoped kinds, "default" for an empty namespace. */
    String effectiveNamespace() {
        if (clusterScoped()) {
            return "~X";
        }
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    boolean sameGvk(ResId o) {
        return group.equals(o.group) && version.equals(o.version) && kind.equals(o.kind);
    }

    boolean matches(ResId o) {
        return sameGvk(o) && name.equals(o.name) && effectiveNamespace().equals(o.effectiveNamespace());
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "" : group + "/") + version + ", Kind=" + kind + " " + effectiveNamespace() + "/"
                + name;
    }
}
