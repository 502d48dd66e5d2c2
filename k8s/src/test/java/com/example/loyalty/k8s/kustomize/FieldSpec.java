package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A kustomize field spec: a slash-separated path, in objects of one kind (and group / version) or of every kind, that a
 * transformer sets. A list on the way is entered element by element; {@code create} makes missing maps on the way.
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

    static FieldSpec any(String path, boolean create) {
        return new FieldSpec(null, null, null, path, create);
    }

    static FieldSpec of(String kind, String path, boolean create) {
        return new FieldSpec(null, null, kind, path, create);
    }

    static FieldSpec of(String group, String kind, String path, boolean create) {
        return new FieldSpec(group, null, kind, path, create);
    }

    static FieldSpec ofVersion(String version, String kind, String path, boolean create) {
        return new FieldSpec(null, version, kind, path, create);
    }

    boolean selects(Resource r) {
        return (group == null || group.equals(r.group()))
                && (version == null || version.equals(r.version()))
                && (kind == null || kind.equals(r.kind()));
    }

    /**
     * Calls the visitor with (parent mapping, field name) for every place the path reaches in the object: the last
     * field may be absent (the visitor decides), the maps before it exist or are created when {@code create}.
     */
    void visit(Resource r, BiConsumer<ObjectNode, String> visitor) {
        if (selects(r)) {
            walk(r.obj, List.of(path.split("/")), 0, visitor);
        }
    }

    private void walk(JsonNode node, List<String> segments, int i, BiConsumer<ObjectNode, String> visitor) {
        if (node.isArray()) {
            for (JsonNode e : node) {
                walk(e, segments, i, visitor);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode obj = (ObjectNode) node;
        String segment = segments.get(i);
        boolean list = segment.endsWith("[]");
        String field = list ? segment.substring(0, segment.length() - 2) : segment;
        if (i == segments.size() - 1) {
            visitor.accept(obj, field);
            return;
        }
        JsonNode next = obj.get(field);
        if (next == null || next.isNull()) {
            if (!create || list) {
                return;
            }
            next = obj.putObject(field);
        }
        walk(next, segments, i + 1, visitor);
    }
}
