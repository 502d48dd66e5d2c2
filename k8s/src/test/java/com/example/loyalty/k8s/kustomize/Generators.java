package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** configMapGenerator and secretGenerator: literals and files, options labels / annotations / immutable / hash. */
final class Generators {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Generators() {}

    static Resource configMap(Kustomization k, Kustomization.GeneratorEntry g) {
        return generate(k, g, false);
    }

    static Resource secret(Kustomization k, Kustomization.GeneratorEntry g) {
        return generate(k, g, true);
    }

    private static Resource generate(Kustomization k, Kustomization.GeneratorEntry g, boolean secret) {
        String source = k.file() + ": " + (secret ? "secretGenerator " : "configMapGenerator ") + g.name();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String literal : g.literals()) {
            int eq = literal.indexOf('=');
            if (eq <= 0) {
                throw new KustomizeException(source + ": invalid literal source " + literal + ", expected key=value");
            }
            put(
                    entries,
                    literal.substring(0, eq),
                    unquote(literal.substring(eq + 1)).getBytes(StandardCharsets.UTF_8),
                    source);
        }
        for (String file : g.files()) {
            int eq = file.indexOf('=');
            String key = eq < 0 ? null : file.substring(0, eq);
            Path path = Kustomize.fileWithin(k, eq < 0 ? file : file.substring(eq + 1), source);
            if (key == null) {
                key = path.getFileName().toString();
            }
            try {
                put(entries, key, Files.readAllBytes(path), source);
            } catch (IOException e) {
                throw new KustomizeException(source + ": cannot read " + path + ": " + e.getMessage(), e);
            }
        }

        ObjectNode obj = NODES.objectNode();
        obj.put("apiVersion", "v1");
        obj.put("kind", secret ? "Secret" : "ConfigMap");
        ObjectNode metadata = obj.putObject("metadata");
        metadata.put("name", g.name());
        if (!g.namespace().isEmpty()) {
            metadata.put("namespace", g.namespace());
        }
        if (!g.labels().isEmpty()) {
            g.labels().forEach(metadata.putObject("labels")::put);
        }
        if (!g.annotations().isEmpty()) {
            g.annotations().forEach(metadata.putObject("annotations")::put);
        }
        if (secret) {
            obj.put("type", g.type());
        }
        if (!entries.isEmpty()) {
            ObjectNode data = NODES.objectNode();
            ObjectNode binary = NODES.objectNode();
            entries.forEach((key, value) -> {
                if (secret) {
                    data.put(key, base64(value));
                } else {
                    String text = utf8(value);
                    if (text == null) {
                        binary.put(key, base64(value));
                    } else {
                        data.put(key, text);
                    }
                }
            });
            if (!data.isEmpty()) {
                obj.set("data", data);
            }
            if (!binary.isEmpty()) {
                obj.set("binaryData", binary);
            }
        }
        if (g.immutable() != null) {
            obj.put("immutable", g.immutable());
        }
        Resource r = new Resource(obj);
        r.needsHashSuffix = !g.disableNameSuffixHash();
        return r;
    }

    /** kyaml's encodeBase64: from 70 characters on, lines of 70, each ended by a newline. */
    static String base64(byte[] value) {
        String encoded = Base64.getEncoder().encodeToString(value);
        if (encoded.length() < 70) {
            return encoded;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < encoded.length(); i += 70) {
            out.append(encoded, i, Math.min(i + 70, encoded.length())).append('\n');
        }
        return out.toString();
    }

    private static void put(Map<String, byte[]> entries, String key, byte[] value, String source) {
        if (!key.matches("[-._a-zA-Z0-9]+")) {
            throw new KustomizeException(source + ": '" + key + "' is not a valid key name");
        }
        if (entries.put(key, value) != null) {
            throw new KustomizeException(source + ": key " + key + " appears twice");
        }
    }

    /** kustomize removes one pair of matching quotes around a literal's value. */
    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
