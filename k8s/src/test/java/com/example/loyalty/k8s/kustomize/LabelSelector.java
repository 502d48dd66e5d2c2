package com.example.loyalty.k8s.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Kubernetes label selector strings: {@code a=b, c!=d, e in (x,y), f notin (z), g, !h}. */
public final class LabelSelector {
    private LabelSelector() {}

    public static Predicate<Map<String, String>> parse(String selector) {
        List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            String r = part.trim();
            if (r.isEmpty()) {
                continue;
            }
            requirements.add(requirement(r, selector));
        }
        return labels -> requirements.stream().allMatch(p -> p.test(labels));
    }

    private static Predicate<Map<String, String>> requirement(String r, String selector) {
        java.util.regex.Matcher set = java.util.regex.Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$")
                .matcher(r);
        if (set.matches()) {
            String key = set.group(1);
            Set<String> values = Set.copyOf(
                    List.of(set.group(3).split(",")).stream().map(String::trim).toList());
            boolean in = set.group(2).equals("in");
            return labels -> in
                    ? labels.containsKey(key) && values.contains(labels.get(key))
                    : !labels.containsKey(key) || !values.contains(labels.get(key));
        }
        int ne = r.indexOf("!=");
        if (ne > 0) {
            String key = r.substring(0, ne).trim();
            String value = r.substring(ne + 2).trim();
            return labels -> !value.equals(labels.get(key));
        }
        int eq = r.indexOf('=');
        if (eq > 0) {
            String key = r.substring(0, eq).trim();
            String value = r.substring(r.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
            return labels -> value.equals(labels.get(key));
        }
        if (r.startsWith("!")) {
            String key = r.substring(1).trim();
            return labels -> !labels.containsKey(key);
        }
        if (r.matches("[A-Za-z0-9./_-]+")) {
            return labels -> labels.containsKey(r);
        }
        throw new KustomizeException("unsupported label selector '" + selector + "'");
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
