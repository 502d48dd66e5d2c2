package com.example.loyalty.k8s.schema;

import com.example.loyalty.k8s.Objects;
import com.example.loyalty.k8s.Repo;
import com.example.loyalty.k8s.kustomize.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The schema of every kind an overlay may contain, pinned under src/test/resources/schemas (README.md there): the
 * Kubernetes built-in kinds (strict: no field the API does not know) and the operators' custom resources, compiled
 * once per kind and reused.
 */
public final class SchemaCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaCatalog instance;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** "apiVersion kind" to its JSON Schema (not compiled yet). */
    private final Map<String, JsonNode> sources = new TreeMap<>();

    private final Map<String, String> origins = new TreeMap<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public static synchronized SchemaCatalog get() {
        if (instance == null) {
            instance = new SchemaCatalog(Repo.k8s().resolve("src/test/resources/schemas"));
        }
        return instance;
    }

    SchemaCatalog(Path dir) {
        JsonNode objectMeta = null;
        for (Path file : files(dir.resolve("kubernetes"), ".json")) {
            ObjectNode schema = read(file);
            schema.remove("$schema");
            String apiVersion = schema.path("properties")
                    .path("apiVersion")
                    .path("enum")
                    .path(0)
                    .asText();
            String kind =
                    schema.path("properties").path("kind").path("enum").path(0).asText();
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                throw new IllegalStateException(file + ": no apiVersion or kind enum");
            }
            add(apiVersion, kind, schema, Repo.relative(file));
            if (kind.equals("ConfigMap")) {
                objectMeta = schema.path("properties").path("metadata");
            }
        }
        if (objectMeta == null || objectMeta.isMissingNode()) {
            throw new IllegalStateException("no ConfigMap schema to take ObjectMeta from");
        }
        for (Path file : files(dir.resolve("crds"), ".yaml")) {
            for (ObjectNode crd : Yaml.readObjects(Yaml.read(file), file.toString())) {
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean(false)) {
                        continue;
                    }
                    String apiVersion = group + "/" + version.path("name").asText();
                    JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                    add(
                            apiVersion,
                            kind,
                            CrdSchemas.toJsonSchema(openApi, apiVersion, kind, objectMeta),
                            Repo.relative(file));
                }
            }
        }
    }

    private void add(String apiVersion, String kind, JsonNode schema, String origin) {
        String key = apiVersion + " " + kind;
        if (sources.put(key, schema) != null) {
            throw new IllegalStateException("two schemas for " + key + ": " + origins.get(key) + " and " + origin);
        }
        origins.put(key, origin);
    }

    /** "apiVersion kind" of every kind with a schema. */
    public List<String> kinds() {
        return new ArrayList<>(sources.keySet());
    }

    /**
     * The schema violations of the object, each as "instance location: message"; an object of a kind without a
     * schema is a violation too (nothing is skipped silently).
     */
    public List<String> validate(JsonNode object) {
        String key =
                object.path("apiVersion").asText() + " " + object.path("kind").asText();
        JsonNode source = sources.get(key);
        if (source == null) {
            return List.of(
                    "no schema for apiVersion " + object.path("apiVersion").asText() + ", kind "
                            + object.path("kind").asText() + " (" + Objects.kindName(object)
                            + "): pin one in k8s/src/test/resources/schemas, see its README.md");
        }
        Schema schema = compiled.computeIfAbsent(key, k -> registry.getSchema(source));
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return problems;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
