package com.example.loyalty.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An operation of an OpenAPI 3.x document (read as plain JSON: {@code /q/openapi?format=json}), with its parameters,
 * its request body's schema and the roles its security requirement names, and the schema reading the fuzzer needs:
 * {@code $ref} resolution and a valid value for a schema.
 */
record ApiOperation(
        String method,
        String path,
        List<Param> params,
        JsonNode bodySchema,
        String bodyMediaType,
        boolean bodyRequired,
        Set<String> roles,
        JsonNode document) {

    record Param(String name, String in, boolean required, JsonNode schema) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** Every operation of the document, in its order. */
    static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = resolve(document, path.getValue());
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                for (JsonNode list : List.of(op.path("parameters"), item.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode param = resolve(document, p);
                        String key = param.path("in").asText() + ":"
                                + param.path("name").asText();
                        if (seen.add(key)) {
                            params.add(new Param(
                                    param.path("name").asText(),
                                    param.path("in").asText(),
                                    param.path("required").asBoolean(false),
                                    param.path("schema")));
                        }
                    }
                }
                JsonNode body = resolve(document, op.path("requestBody"));
                JsonNode bodySchema = null;
                String mediaType = null;
                JsonNode content = body.path("content");
                if (content.isObject() && content.size() > 0) {
                    mediaType = content.has("application/json")
                            ? "application/json"
                            : content.fieldNames().next();
                    bodySchema = content.path(mediaType).path("schema");
                }
                JsonNode security = op.has("security") ? op.get("security") : document.path("security");
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode requirement : security) {
                    requirement
                            .fields()
                            .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
                }
                operations.add(new ApiOperation(
                        method.toUpperCase(),
                        path.getKey(),
                        List.copyOf(params),
                        bodySchema,
                        mediaType,
                        body.path("required").asBoolean(false),
                        Set.copyOf(roles),
                        document));
            }
        }
        return operations;
    }

    String key() {
        return method + " " + path;
    }

    boolean jsonBody() {
        return bodyMediaType != null && bodyMediaType.contains("json");
    }

    /** The schema behind {@code $ref}s, and the first non-null alternative of an anyOf/oneOf/allOf. */
    JsonNode resolve(JsonNode schema) {
        return resolveSchema(document, schema);
    }

    static JsonNode resolveSchema(JsonNode document, JsonNode schema) {
        JsonNode current = resolve(document, schema);
        for (int guard = 0; guard < 20; guard++) {
            JsonNode next = null;
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                if (current.has(combinator) && !current.has("type") && !current.has("properties")) {
                    for (JsonNode alternative : current.get(combinator)) {
                        JsonNode resolved = resolve(document, alternative);
                        if (!"null".equals(resolved.path("type").asText())) {
                            next = resolved;
                            break;
                        }
                    }
                }
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node == null ? NODES.missingNode() : node;
        for (int guard = 0; guard < 20 && current.has("$ref"); guard++) {
            String ref = current.get("$ref").asText();
            JsonNode target = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
            current = target.isMissingNode() ? NODES.objectNode() : target;
        }
        return current;
    }

    /** The JSON type a schema asks for (the first non-null one of a type list), guessed from its keywords if absent. */
    String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (s.has("properties") || s.has("additionalProperties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        if (s.has("enum")) {
            JsonNode first = s.get("enum").path(0);
            return first.isNumber() ? "number" : "string";
        }
        return "string";
    }

    Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        resolve(schema).path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    /** The properties of an object schema, name to schema, in document order. */
    List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        resolve(schema).path("properties").fields().forEachRemaining(properties::add);
        return properties;
    }

    private static final List<String> PATTERN_CANDIDATES = List.of(
            "S001",
            "JPY",
            "ab",
            "abc",
            "abc123",
            "A1",
            "x",
            "30d",
            "7d",
            "P30D",
            "2026-01",
            "2026-01-01",
            "+81 90-0000-0001",
            "090-0000-0001",
            "#336699",
            "en",
            "ja",
            "STORE",
            "member",
            "AB12CD34",
            "ABCD-1234",
            "a@example.com",
            "https://example.com/x",
            "0",
            "1",
            "10");

    /** A value the schema accepts, as far as its keywords tell (the document's example first). */
    JsonNode valid(JsonNode schema, Random rng, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example") && !s.get("example").isNull()) {
            return s.get("example");
        }
        if (s.has("examples")
                && s.get("examples").isArray()
                && s.get("examples").size() > 0) {
            return s.get("examples").get(0);
        }
        if (s.has("default") && !s.get("default").isNull()) {
            return s.get("default");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            JsonNode values = s.get("enum");
            for (int attempt = 0; attempt < 5; attempt++) {
                JsonNode value = values.get(rng.nextInt(values.size()));
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        String type = type(s);
        switch (type) {
            case "integer", "number" -> {
                long value = 1;
                if (s.has("minimum")) {
                    value = Math.max(value, (long) Math.ceil(s.get("minimum").asDouble()));
                }
                if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
                    value = Math.max(
                            value, (long) Math.floor(s.get("exclusiveMinimum").asDouble()) + 1);
                }
                if (s.has("maximum")) {
                    value = Math.min(value, (long) Math.floor(s.get("maximum").asDouble()));
                }
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    int count = Math.max(1, s.path("minItems").asInt(1));
                    for (int i = 0; i < count && i < 5; i++) {
                        array.add(valid(s.path("items"), rng, depth + 1));
                    }
                }
                return array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : properties(s)) {
                        object.set(property.getKey(), valid(property.getValue(), rng, depth + 1));
                    }
                    JsonNode additional = s.get("additionalProperties");
                    if (object.isEmpty() && additional != null && additional.isObject()) {
                        object.set("k1", valid(additional, rng, depth + 1));
                    }
                }
                return object;
            }
            default -> {
                return NODES.textNode(validString(s));
            }
        }
    }

    private static String validString(JsonNode s) {
        String format = s.path("format").asText("");
        String value = switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" ->
                Instant.now()
                        .minus(1, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
            case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
            case "email" -> "fuzz@example.com";
            case "uri", "url" -> "https://example.com/x";
            case "duration" -> "P30D";
            default -> "fuzz";
        };
        if (s.has("pattern")) {
            try {
                Pattern pattern = Pattern.compile(s.get("pattern").asText());
                if (!pattern.matcher(value).find()) {
                    for (String candidate : PATTERN_CANDIDATES) {
                        if (pattern.matcher(candidate).matches()) {
                            value = candidate;
                            break;
                        }
                    }
                }
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot read: keep the plain value
            }
        }
        int min = s.path("minLength").asInt(0);
        int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('a');
        }
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
