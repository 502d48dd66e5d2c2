package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The name suffix kustomize gives a generated ConfigMap or Secret (sigs.k8s.io/kustomize/api/hasher): the SHA-256 of
 * Go's JSON encoding of {kind, name, data[, binaryData]} (a Secret: {kind, type, name, data[, stringData]}), keys
 * sorted, its first ten hex digits with 0, 1, 3, a and e replaced by g, h, k, m and t.
 *
 * <p>The name is always empty: kustomize looks it up as {@code yaml.Lookup("metadata/name")}, one field literally named
 * "metadata/name", which no object has (kustomize v5.5 to v5.8). Two generators with the same data get the same hash.
 */
final class NameHash {
    private NameHash() {}

    static String of(ObjectNode obj) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode m = nodes.objectNode();
        String kind = obj.path("kind").asText();
        m.put("kind", kind);
        m.put("name", "");
        m.set("data", valueOrEmpty(obj.get("data")));
        if (kind.equals("ConfigMap")) {
            if (obj.path("binaryData").isObject()) {
                m.set("binaryData", obj.get("binaryData"));
            }
        } else if (kind.equals("Secret")) {
            m.set("type", valueOrEmpty(obj.get("type")));
            if (obj.path("stringData").isObject()) {
                m.set("stringData", obj.get("stringData"));
            }
        } else {
            throw new KustomizeException("no name hash for a " + kind);
        }
        return encode(sha256Hex(goJson(m)));
    }

    private static JsonNode valueOrEmpty(JsonNode v) {
        return v == null || v.isNull() ? JsonNodeFactory.instance.textNode("") : v;
    }

    static String encode(String hex) {
        char[] c = hex.substring(0, 10).toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = switch (c[i]) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c[i];
            };
        }
        return new String(c);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Go's encoding/json output: sorted keys, no spaces, HTML characters and line separators escaped. */
    static String goJson(JsonNode n) {
        StringBuilder out = new StringBuilder();
        write(n, out);
        return out.toString();
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i), out);
                out.append(':');
                write(n.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(n.get(i), out);
            }
            out.append(']');
        } else if (n.isTextual()) {
            string(n.asText(), out);
        } else {
            out.append(n.toString());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
