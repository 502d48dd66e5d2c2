package com.example.loyalty.k8s;

import com.example.loyalty.k8s.kustomize.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers over built objects: identity, lookup, and an order-insensitive comparison of two builds. */
public final class Objects {
    private Objects() {}

    public static String id(JsonNode o) {
        return o.path("apiVersion").asText() + " " + o.path("kind").asText() + " "
                + o.path("metadata").path("namespace").asText("") + "/"
                + o.path("metadata").path("name").asText();
    }

    public static String kindName(JsonNode o) {
        return o.path("kind").asText() + " " + o.path("metadata").path("name").asText();
    }

    public static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    public static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Numbers compare by value (an int and a long 3 are the same), everything else by equals. */
    private static final Comparator<JsonNode> VALUES = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals(VALUES, b);
    }

    /**
     * The differences between two builds as text, empty when they hold the same objects (in any order, each object
     * compared as a tree: maps unordered, lists ordered).
     */
    public static String diff(List<ObjectNode> expected, List<ObjectNode> actual) {
        Map<String, ObjectNode> e = byId(expected);
        Map<String, ObjectNode> a = byId(actual);
        List<String> problems = new ArrayList<>();
        if (e.size() != expected.size() || a.size() != actual.size()) {
            problems.add("duplicate object ids");
        }
        for (String id : e.keySet()) {
            if (!a.containsKey(id)) {
                problems.add("missing " + id);
            } else if (!same(e.get(id), a.get(id))) {
                problems.add("differs " + id + "\n--- expected\n" + Yaml.write(List.of(e.get(id))) + "--- actual\n"
                        + Yaml.write(List.of(a.get(id))));
            }
        }
        for (String id : a.keySet()) {
            if (!e.containsKey(id)) {
                problems.add("unexpected " + id + "\n" + Yaml.write(List.of(a.get(id))));
            }
        }
        return String.join("\n", problems);
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> map = new TreeMap<>();
        objects.forEach(o -> map.put(id(o), o));
        return map;
    }
}
