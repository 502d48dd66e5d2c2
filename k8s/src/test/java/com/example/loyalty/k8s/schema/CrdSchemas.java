package com.example.loyalty.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A CustomResourceDefinition's structural schema (openAPIV3Schema) as a JSON Schema that is stricter than the API
 * server on one point: unknown fields. The API server silently prunes a field its schema does not declare, which
 * hides a misspelled field until something does not happen; here every object that declares {@code properties} and
 * neither {@code additionalProperties} nor {@code x-kubernetes-preserve-unknown-fields} refuses other fields. The
 * Kubernetes extensions become JSON Schema: int-or-string an anyOf, nullable a "null" type, an embedded resource
 * gets apiVersion, kind and metadata. The root gets the exact apiVersion and kind, and Kubernetes' own ObjectMeta.
 */
final class CrdSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CrdSchemas() {}

    static ObjectNode toJsonSchema(JsonNode openApiV3, String apiVersion, String kind, JsonNode objectMeta) {
        ObjectNode schema = convert(openApiV3);
        ObjectNode properties = schema.with("properties");
        properties.set("apiVersion", NODES.objectNode().put("type", "string").set("enum", array(apiVersion)));
        properties.set("kind", NODES.objectNode().put("type", "string").set("enum", array(kind)));
        properties.set("metadata", objectMeta.deepCopy());
        schema.put("additionalProperties", false);
        schema.set("required", array("apiVersion", "kind", "metadata"));
        return schema;
    }

    private static ArrayNode array(String... values) {
        ArrayNode a = NODES.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static ObjectNode convert(JsonNode node) {
        ObjectNode out = NODES.objectNode();
        boolean preserveUnknown =
                node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = node.path("nullable").asBoolean(false);
        boolean embedded = node.path("x-kubernetes-embedded-resource").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("x-kubernetes-") || key.equals("nullable")) {
                continue;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode props = NODES.objectNode();
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue())));
                    out.set("properties", props);
                }
                case "items", "not" -> out.set(key, value.isObject() ? convert(value) : value);
                case "additionalProperties" -> out.set(key, value.isObject() ? convert(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = NODES.arrayNode();
                    value.forEach(v -> list.add(convert(v)));
                    out.set(key, list);
                }
                default -> out.set(key, value.deepCopy());
            }
        }
        if (embedded) {
            ObjectNode props = out.with("properties");
            props.set("apiVersion", NODES.objectNode().put("type", "string"));
            props.set("kind", NODES.objectNode().put("type", "string"));
            if (!props.has("metadata")) {
                props.set("metadata", NODES.objectNode().put("type", "object"));
            }
        }
        if (out.has("properties") && !out.has("additionalProperties") && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        if (intOrString) {
            out.remove("type");
            ArrayNode anyOf = NODES.arrayNode();
            anyOf.add(NODES.objectNode().put("type", "integer"));
            anyOf.add(NODES.objectNode().put("type", "string"));
            out.set("anyOf", anyOf);
        }
        if (nullable && out.has("type") && out.get("type").isTextual()) {
            out.set("type", array(out.get("type").asText(), "null"));
        }
        return out;
    }
}
