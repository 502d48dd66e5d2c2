package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** RFC 6902 JSON patches (add, remove, replace, move, copy, test) with RFC 6901 pointers, '-' appending to a list. */
final class JsonPatch {
    private JsonPatch() {}

    static ObjectNode apply(ObjectNode target, JsonNode ops, String source) {
        if (!ops.isArray()) {
            throw new KustomizeException(source + ": a JSON patch is a list of operations");
        }
        JsonNode doc = target;
        for (JsonNode op : ops) {
            doc = applyOne(doc, op, source);
        }
        if (!doc.isObject()) {
            throw new KustomizeException(source + ": the patched object is no longer a mapping");
        }
        return (ObjectNode) doc;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op, String source) {
        String kind = op.path("op").asText("");
        String at = source + ": " + op;
        if (!Set.of("add", "remove", "replace", "move", "copy", "test").contains(kind)) {
            throw new KustomizeException(at + ": unknown or missing op");
        }
        if (!op.has("path")) {
            throw new KustomizeException(at + ": missing path");
        }
        List<String> path = parse(op.get("path").asText(), at);
        switch (kind) {
            case "add" -> {
                return add(doc, path, value(op, at).deepCopy(), at);
            }
            case "remove" -> {
                remove(doc, path, at);
                return doc;
            }
            case "replace" -> {
                if (path.isEmpty()) {
                    return value(op, at).deepCopy();
                }
                // evanphx/json-patch v4 (kustomize's): a missing key of a mapping is set, as by add; a missing
                // list element or parent is an error
                JsonNode parent = get(doc, path.subList(0, path.size() - 1), at);
                if (parent.isObject()) {
                    return add(doc, path, value(op, at).deepCopy(), at);
                }
                get(doc, path, at);
                remove(doc, path, at);
                return add(doc, path, value(op, at).deepCopy(), at);
            }
            case "move" -> {
                List<String> from = parse(op.path("from").asText(), at);
                JsonNode v = get(doc, from, at);
                remove(doc, from, at);
                return add(doc, path, v, at);
            }
            case "copy" -> {
                List<String> from = parse(op.path("from").asText(), at);
                return add(doc, path, get(doc, from, at).deepCopy(), at);
            }
            default -> {
                JsonNode actual = get(doc, path, at);
                if (!actual.equals(value(op, at))) {
                    throw new KustomizeException(at + ": test failed, the value is " + actual);
                }
                return doc;
            }
        }
    }

    private static JsonNode value(JsonNode op, String at) {
        if (!op.has("value")) {
            throw new KustomizeException(at + ": missing value");
        }
        return op.get("value");
    }

    static List<String> parse(String pointer, String at) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw new KustomizeException(at + ": a JSON pointer starts with '/'");
        }
        for (String t : pointer.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode get(JsonNode doc, List<String> path, String at) {
        JsonNode node = doc;
        for (String token : path) {
            if (node.isObject()) {
                if (!node.has(token)) {
                    throw new KustomizeException(at + ": no such path (missing '" + token + "')");
                }
                node = node.get(token);
            } else if (node.isArray()) {
                node = node.get(index(node, token, false, at));
            } else {
                throw new KustomizeException(at + ": no such path (at '" + token + "')");
            }
        }
        return node;
    }

    private static int index(JsonNode array, String token, boolean forAdd, String at) {
        if (token.equals("-") && forAdd) {
            return array.size();
        }
        if (!token.matches("0|[1-9][0-9]*")) {
            throw new KustomizeException(at + ": '" + token + "' is not a list index");
        }
        int i = Integer.parseInt(token);
        if (i > array.size() || (!forAdd && i == array.size())) {
            throw new KustomizeException(at + ": index " + i + " out of bounds");
        }
        return i;
    }

    private static JsonNode add(JsonNode doc, List<String> path, JsonNode value, String at) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), at);
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).insert(index(parent, last, true, at), value);
        } else {
            throw new KustomizeException(at + ": cannot add to a scalar");
        }
        return doc;
    }

    private static void remove(JsonNode doc, List<String> path, String at) {
        if (path.isEmpty()) {
            throw new KustomizeException(at + ": cannot remove the whole object");
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), at);
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            if (!parent.has(last)) {
                throw new KustomizeException(at + ": no such path (missing '" + last + "')");
            }
            ((ObjectNode) parent).remove(last);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).remove(index(parent, last, false, at));
        } else {
            throw new KustomizeException(at + ": cannot remove from a scalar");
        }
    }
}
