package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic-merge patches as kustomize (kyaml's merge2) applies them: maps merge, a null deletes a field, scalars
 * replace, and lists are merged by key only where the built-in Kubernetes schema gives a patch merge key (containers
 * by name, env by name, ports by containerPort, volumeMounts by mountPath, ...); every other list, and every list of a
 * custom resource, is replaced whole. Patch elements come first in a merged list, as in kustomize. {@code $patch:
 * delete} removes a map, a list element or the whole object; {@code $patch: replace} replaces a map.
 */
final class StrategicMerge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Patch merge keys of a pod spec's lists (relative to the pod spec), from the Kubernetes API. */
    private static final Map<String, List<String>> POD_SPEC_KEYS = Map.of(
            "containers", List.of("name"),
            "initContainers", List.of("name"),
            "ephemeralContainers", List.of("name"),
            "volumes", List.of("name"),
            "imagePullSecrets", List.of("name"),
            "hostAliases", List.of("ip"),
            "topologySpreadConstraints", List.of("topologyKey", "whenUnsatisfiable"));

    /** Patch merge keys of a container's lists. */
    private static final Map<String, List<String>> CONTAINER_KEYS = Map.of(
            "env", List.of("name"),
            "ports", List.of("containerPort", "protocol"),
            "volumeMounts", List.of("mountPath"),
            "volumeDevices", List.of("devicePath"));

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    /** A primitive list merged as a set (finalizers). */
    private static final List<String> PRIMITIVE = List.of("");

    private StrategicMerge() {}

    /** Merges the patch into the object; null when the patch deletes the object. */
    static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        Schema schema = new Schema(
                groupOf(target.path("apiVersion").asText("")),
                target.path("kind").asText(""));
        JsonNode merged = merge(target, patch, new ArrayList<>(), schema);
        return merged == null ? null : (ObjectNode) merged;
    }

    private static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Merge of one value; null means "delete this field / element". */
    private static JsonNode merge(JsonNode dest, JsonNode patch, List<String> path, Schema schema) {
        if (patch == null || patch.isNull()) {
            return null;
        }
        if (patch.isObject()) {
            String directive = patch.path("$patch").asText("");
            if (directive.equals("delete")) {
                return null;
            }
            if (directive.equals("replace")) {
                ObjectNode copy = ((ObjectNode) patch).deepCopy();
                copy.remove("$patch");
                return copy;
            }
            if (!directive.isEmpty()) {
                throw new KustomizeException("unsupported $patch directive '" + directive + "' at " + path);
            }
            ObjectNode result = dest != null && dest.isObject() ? (ObjectNode) dest : NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (name.startsWith("$")) {
                    throw new KustomizeException("unsupported strategic-merge directive '" + name + "' at " + path);
                }
                List<String> childPath = new ArrayList<>(path);
                childPath.add(name);
                JsonNode merged = merge(result.get(name), field.getValue(), childPath, schema);
                if (merged == null) {
                    result.remove(name);
                } else {
                    result.set(name, merged);
                }
            }
            return result;
        }
        if (patch.isArray()) {
            List<String> keys = schema.mergeKeys(path);
            if (keys == null) {
                return patch.deepCopy();
            }
            ArrayNode destList = dest != null && dest.isArray() ? (ArrayNode) dest : NODES.arrayNode();
            if (keys == PRIMITIVE) {
                return mergePrimitive(destList, (ArrayNode) patch);
            }
            return mergeAssociative(destList, (ArrayNode) patch, keys, path, schema);
        }
        return patch.deepCopy();
    }

    private static ArrayNode mergePrimitive(ArrayNode dest, ArrayNode patch) {
        ArrayNode result = NODES.arrayNode();
        List<String> seen = new ArrayList<>();
        for (ArrayNode list : List.of(patch, dest)) {
            for (JsonNode v : list) {
                if (!seen.contains(v.asText())) {
                    seen.add(v.asText());
                    result.add(v.deepCopy());
                }
            }
        }
        return result;
    }

    /*
     * The merge of a list with merge keys, ported from kyaml (walk/associative_sequence.go, yaml.ElementSetter,
     * yaml.ElementMatcher) step by step, quirks included, so that the result and the order of the elements are
     * kustomize's: patch elements first; with two keys (ports: number and protocol) an element is found only when both
     * match, and elements are moved to the end as kyaml's append does.
     */
    private static ArrayNode mergeAssociative(
            ArrayNode dest, ArrayNode patch, List<String> keys, List<String> path, Schema schema) {
        List<List<String>> valuesList = new ArrayList<>();
        for (ArrayNode source : List.of(patch, dest)) {
            for (JsonNode e : source) {
                List<String> values = new ArrayList<>();
                for (String key : keys) {
                    values.add(keyValue(e, key));
                }
                if (!values.isEmpty() && !valuesList.contains(values)) {
                    valuesList.add(values);
                }
            }
        }
        ArrayNode items = NODES.arrayNode();
        if (keys.size() > 1) {
            mergeValues(valuesList);
        }
        List<String> validKeys = null;
        for (List<String> values : valuesList) {
            List<List<String>> kv = validateKeys(valuesList, values, keys);
            validKeys = kv.get(0);
            List<String> validValues = kv.get(1);
            List<List<String>> own = validateKeys(List.of(values), values, keys);
            JsonNode inDest = findElement(dest, own.get(0), own.get(1));
            JsonNode inPatch = findElement(patch, own.get(0), own.get(1));
            JsonNode val = inPatch == null ? inDest : merge(inDest, inPatch, path, schema);
            if (val == null || (val.isObject() && val.isEmpty())) {
                setElement(dest, validKeys, validValues, null);
                continue;
            }
            if (val.isObject()) {
                for (int i = 0; i < validKeys.size(); i++) {
                    if (val.get(validKeys.get(i)) == null && !validValues.get(i).isEmpty()) {
                        ((ObjectNode) val).set(validKeys.get(i), scalar(validValues.get(i)));
                    }
                }
            }
            setElement(items, validKeys, validValues, val);
        }
        if (valuesList.isEmpty() || validKeys == null) {
            return dest;
        }
        // kyaml's appendListNode: the target's elements (merged in place) set into the patch-ordered items
        for (JsonNode elem : new ArrayList<JsonNode>(toList(dest))) {
            List<String> v = new ArrayList<>();
            for (String key : validKeys) {
                JsonNode value = elem.isObject() ? elem.get(key) : null;
                if (value == null) {
                    items.add(elem);
                    continue;
                }
                v.add(value.isValueNode() ? value.asText() : "");
            }
            if (validKeys.size() > 1) {
                setElement(items, validKeys, v, null);
            }
            setElement(items, validKeys, v, elem);
        }
        return items;
    }

    private static List<JsonNode> toList(ArrayNode list) {
        List<JsonNode> result = new ArrayList<>();
        list.forEach(result::add);
        return result;
    }

    /** kyaml's ElementValuesList: a key's scalar value, "" when missing, null or empty. */
    private static String keyValue(JsonNode element, String key) {
        JsonNode v = element.isObject() ? element.get(key) : null;
        if (v == null || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
            return "";
        }
        return v.isValueNode() ? v.asText() : "";
    }

    private static JsonNode scalar(String text) {
        if (text.matches("-?[0-9]+")) {
            return NODES.numberNode(Long.parseLong(text));
        }
        return NODES.textNode(text);
    }

    /** kyaml's mergeValues: values that differ only where one of them is empty become one. */
    private static void mergeValues(List<List<String>> valuesList) {
        for (int i = 0; i < valuesList.size(); i++) {
            List<String> values1 = valuesList.get(i);
            for (int j = 0; j < valuesList.size(); j++) {
                List<String> merged = match(values1, valuesList.get(j));
                if (merged != null) {
                    valuesList.set(i, merged);
                    valuesList.set(j, merged);
                }
            }
        }
    }

    private static List<String> match(List<String> values1, List<String> values2) {
        if (values1.size() != values2.size()) {
            return null;
        }
        boolean common = false;
        List<String> result = new ArrayList<>();
        for (int i = 0; i < values1.size(); i++) {
            String a = values1.get(i);
            String b = values2.get(i);
            if (a.equals(b)) {
                common = true;
                result.add(a);
                continue;
            }
            if (!a.isEmpty() && !b.isEmpty()) {
                return null;
            }
            result.add(a.isEmpty() ? b : a);
        }
        return common ? result : null;
    }

    /** kyaml's validateKeys: the keys that have a value anywhere in the list, and this element's values of them. */
    private static List<List<String>> validateKeys(
            List<List<String>> valuesList, List<String> values, List<String> keys) {
        Set<String> valid = new java.util.HashSet<>();
        for (List<String> vs : valuesList) {
            for (int i = 0; i < vs.size(); i++) {
                if (!vs.get(i).isEmpty()) {
                    valid.add(keys.get(i));
                }
            }
        }
        if (valid.isEmpty()) {
            return List.of(keys, values);
        }
        List<String> validKeys = keys.stream().filter(valid::contains).toList();
        List<String> validValues = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty() || valid.contains(keys.get(i))) {
                validValues.add(values.get(i));
            }
        }
        return List.of(validKeys, validValues);
    }

    /** kyaml's FieldMatcher: a field with this value; an empty value matches any value of a present field. */
    private static boolean fieldMatches(JsonNode element, String key, String value) {
        JsonNode field = element.get(key);
        if (field == null) {
            return false;
        }
        return value.isEmpty() || (field.isValueNode() && field.asText().equals(value));
    }

    /** kyaml's ElementMatcher: the first mapping element whose keys match. */
    private static JsonNode findElement(ArrayNode list, List<String> keys, List<String> values) {
        for (JsonNode e : list) {
            if (!e.isObject()) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < keys.size(); i++) {
                if (!fieldMatches(e, keys.get(i), i < values.size() ? values.get(i) : "")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return e;
            }
        }
        return null;
    }

    /**
     * kyaml's ElementSetter: replaces the elements matching the keys with the element (removes them when it is null),
     * drops empty elements, appends the element when none matched.
     */
    private static void setElement(ArrayNode list, List<String> keys, List<String> values, JsonNode element) {
        boolean mappingSetter = !keys.isEmpty()
                && !keys.get(0).isEmpty()
                && !values.isEmpty()
                && !values.get(0).isEmpty();
        List<JsonNode> content = new ArrayList<>();
        boolean matched = false;
        for (JsonNode e : list) {
            if (e == null || e.isNull() || (e.isObject() && e.isEmpty())) {
                continue;
            }
            if (!e.isObject() && mappingSetter) {
                content.add(e);
                continue;
            }
            boolean found = true;
            boolean any = false;
            for (int j = 0; j < keys.size(); j++) {
                if (j < values.size()) {
                    any = fieldMatches(e, keys.get(j), values.get(j));
                }
                if (!any) {
                    found = false;
                    break;
                }
            }
            if (!found) {
                if (!values.isEmpty()) {
                    content.add(e);
                }
                continue;
            }
            matched = true;
            if (element != null) {
                content.add(element);
            }
        }
        list.removeAll();
        content.forEach(list::add);
        if (element != null && !matched) {
            list.add(element);
        }
    }

    /** Where the lists with patch merge keys are, for the built-in kinds kustomize has a schema for. */
    private record Schema(String group, String kind) {

        List<String> podSpecPrefix() {
            boolean builtInGroup =
                    group.isEmpty() || group.equals("apps") || group.equals("batch") || group.equals("extensions");
            if (!builtInGroup) {
                return null;
            }
            return switch (kind) {
                case "Pod" -> List.of("spec");
                case "PodTemplate" -> List.of("template", "spec");
                case "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController" ->
                    List.of("spec", "template", "spec");
                case "CronJob" -> List.of("spec", "jobTemplate", "spec", "template", "spec");
                default -> null;
            };
        }

        boolean knownKind() {
            return podSpecPrefix() != null
                    || (group.isEmpty()
                            && Set.of("Service", "ConfigMap", "Secret", "ServiceAccount", "Namespace")
                                    .contains(kind))
                    || Set.of("policy", "networking.k8s.io", "autoscaling", "rbac.authorization.k8s.io")
                            .contains(group);
        }

        /** The merge keys of the list at this path; null when the list is replaced whole. */
        List<String> mergeKeys(List<String> path) {
            if (!knownKind()) {
                return null;
            }
            int n = path.size();
            String last = path.get(n - 1);
            if (n >= 2 && path.get(n - 2).equals("metadata")) {
                if (last.equals("finalizers")) {
                    return PRIMITIVE;
                }
                if (last.equals("ownerReferences")) {
                    return List.of("uid");
                }
            }
            if (group.isEmpty() && kind.equals("Service") && path.equals(List.of("spec", "ports"))) {
                return List.of("port", "protocol");
            }
            List<String> prefix = podSpecPrefix();
            if (prefix == null
                    || n <= prefix.size()
                    || !path.subList(0, prefix.size()).equals(prefix)) {
                return null;
            }
            List<String> rest = path.subList(prefix.size(), n);
            if (rest.size() == 1) {
                return POD_SPEC_KEYS.get(rest.get(0));
            }
            if (rest.size() == 2 && CONTAINER_LISTS.contains(rest.get(0))) {
                return CONTAINER_KEYS.get(rest.get(1));
            }
            return null;
        }
    }
}
