package com.example.loyalty.k8s.kustomize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** YAML in and out: multi-document files, duplicate keys refused (kustomize refuses them too). */
public final class Yaml {
    public static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private Yaml() {}

    /** Every non-empty document of the text, in order. */
    public static List<JsonNode> readAll(String text, String source) {
        List<JsonNode> docs = new ArrayList<>();
        // document by document (a MappingIterator would unwrap a top-level list into its elements)
        try (JsonParser parser = MAPPER.createParser(text)) {
            while (parser.nextToken() != null) {
                JsonNode doc = MAPPER.readTree(parser);
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KustomizeException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** Every document of the text, each of which must be a mapping (a Kubernetes object). */
    public static List<ObjectNode> readObjects(String text, String source) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode doc : readAll(text, source)) {
            if (!doc.isObject()) {
                throw new KustomizeException(source + ": a document is not a mapping: " + doc);
            }
            objects.add((ObjectNode) doc);
        }
        return objects;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KustomizeException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The objects as one multi-document YAML text. */
    public static String write(List<? extends JsonNode> objects) {
        StringBuilder out = new StringBuilder();
        for (JsonNode o : objects) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            try {
                out.append(MAPPER.writeValueAsString(o));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
