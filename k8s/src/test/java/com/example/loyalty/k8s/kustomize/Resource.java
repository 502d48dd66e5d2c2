package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One object of a build, with the ids it had before a transformer renamed or moved it. */
final class Resource {
    ObjectNode obj;
    final List<ResId> previousIds = new ArrayList<>();
    /** Made by a generator without options.disableNameSuffixHash: gets the content hash at the end of the build. */
    boolean needsHashSuffix;

    Resource(ObjectNode obj) {
        this.obj = obj;
    }

    String apiVersion() {
        return obj.path("apiVersion").asText("");
    }

    String group() {
        String av = apiVersion();
        int slash = av.indexOf('/');
        return slash < 0 ? "" : av.substring(0, slash);
    }

    String version() {
        String av = apiVersion();
        int slash = av.indexOf('/');
        return slash < 0 ? av : av.substring(slash + 1);
    }

    String kind() {
        return obj.path("kind").asText("");
    }

    String name() {
        return obj.path("metadata").path("name").asText("");
    }

    String namespace() {
        return obj.path("metadata").path("namespace").asText("");
    }

    ObjectNode metadata() {
        JsonNode m = obj.get("metadata");
        if (m == null || !m.isObject()) {
            return obj.putObject("metadata");
        }
        return (ObjectNode) m;
    }

    void setName(String name) {
        metadata().put("name", name);
    }

    void setNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            metadata().remove("namespace");
        } else {
            metadata().put("namespace", namespace);
        }
    }

    ResId curId() {
        return new ResId(group(), version(), kind(), name(), namespace());
    }

    ResId orgId() {
        return previousIds.isEmpty() ? curId() : previousIds.get(0);
    }

    List<ResId> allIds() {
        List<ResId> ids = new ArrayList<>(previousIds);
        ids.add(curId());
        return ids;
    }

    void storePreviousId() {
        previousIds.add(curId());
    }

    String label(String key) {
        JsonNode v = obj.path("metadata").path("labels").get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    String annotation(String key) {
        JsonNode v = obj.path("metadata").path("annotations").get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public String toString() {
        return curId().toString();
    }
}
