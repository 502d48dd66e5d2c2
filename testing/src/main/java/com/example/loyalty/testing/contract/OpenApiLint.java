package com.example.loyalty.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.util.RegexECMA262Helper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A linter for the services' OpenAPI 3 documents: the rules of the usual linters (Spectral's {@code spectral:oas} and
 * Redocly's {@code recommended} sets, named after them where they have one) that a client generator or a contract
 * validator trips over. Every finding is an error; {@link OpenApiLintTestBase} fails a service's build on any.
 * <ul>
 *   <li>{@code parser}: swagger-parser's own validation messages (the structure of OpenAPI 3, {@code $ref}s that
 *       resolve, repeated operationIds ...);
 *   <li>{@code oas3-api-servers}: {@code servers} is present, not empty, and every server has a {@code url};
 *   <li>{@code operation-operationId}, {@code operation-operationId-unique}: every operation has an id, none twice;
 *   <li>{@code operation-tags}, {@code operation-tag-defined}: every operation has a tag, each tag is declared at the
 *       top level;
 *   <li>{@code operation-2xx-response}: every operation documents a success (2xx or 3xx);
 *   <li>{@code operation-4xx-response}: every operation documents a client error (4xx) it can answer;
 *   <li>{@code success-response-schema}: a 2xx answer other than 204 has content, each of its media types a schema
 *       (binary ones excepted: {@code image/*}, {@code text/csv}); a 204 has none;
 *   <li>{@code problem-json}: a 4xx or 5xx answer with content is {@code application/problem+json} (RFC 9457);
 *   <li>{@code path-params}: every {@code {name}} of a path has a path parameter, and every path parameter a
 *       {@code {name}};
 *   <li>{@code oas3-operation-security-defined}: every security requirement names a declared security scheme;
 *   <li>{@code oas3-unused-component}: every component is reached, through {@code $ref}s, from the paths (security
 *       schemes: from a security requirement);
 *   <li>{@code pattern-ecma-262}: every {@code pattern} is an ECMA-262 regular expression (compiled by Rhino, as the
 *       JSON schema validator of {@link ContractValidation} does), without Java-only syntax ({@code (?i)} and other
 *       inline flags, possessive quantifiers, atomic groups, {@code \A \z \Z \Q \E \h}, {@code \p{...}} outside a
 *       Unicode-mode regex).
 * </ul>
 */
public final class OpenApiLint {

    /** A rule broken at a place of the document ({@code paths./api/x.get}, {@code components.schemas.X}). */
    public record Finding(String rule, String where, String message) {
        @Override
        public String toString() {
            return rule + " at " + where + ": " + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern JAVA_ONLY =
            Pattern.compile("\\(\\?[a-zA-Z-]+[):]|\\(\\?>|[*+?}][+]|\\\\[AZzQEhHG]|\\\\[pP]\\{");

    private final JsonNode document;
    private final List<Finding> findings = new ArrayList<>();

    private OpenApiLint(JsonNode document) {
        this.document = document;
    }

    /** Lints a document given as JSON (or YAML, for the parser; the rules read JSON). */
    public static List<Finding> lint(String documentJson) {
        JsonNode document;
        try {
            document = JSON.readTree(documentJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON document", e);
        }
        OpenApiLint lint = new OpenApiLint(document);
        lint.parser(documentJson);
        lint.servers();
        lint.operations();
        lint.unusedComponents();
        lint.patterns(document, "");
        return List.copyOf(lint.findings);
    }

    private void add(String rule, String where, String message) {
        findings.add(new Finding(rule, where, message));
    }

    private void parser(String documentJson) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentJson, null, options);
        if (result.getMessages() != null) {
            result.getMessages().forEach(m -> add("parser", "document", m));
        }
    }

    private void servers() {
        JsonNode servers = document.path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            add("oas3-api-servers", "servers", "no servers: clients and validators cannot tell where the API is");
            return;
        }
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).path("url").asText("").isBlank()) {
                add("oas3-api-servers", "servers[" + i + "]", "a server without a url");
            }
        }
    }

    private void operations() {
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(t -> declaredTags.add(t.path("name").asText()));
        Set<String> schemes = new HashSet<>();
        document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        securityRequirements(document.path("security"), "security", schemes);
        Map<String, String> operationIds = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> templated = new LinkedHashSet<>();
            Matcher m = PATH_PARAM.matcher(path.getKey());
            while (m.find()) {
                templated.add(m.group(1));
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = "paths." + path.getKey() + "." + op.getKey();
                JsonNode operation = op.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isBlank()) {
                    add("operation-operationId", where, "no operationId");
                } else if (operationIds.putIfAbsent(id, where) != null) {
                    add(
                            "operation-operationId-unique",
                            where,
                            "operationId " + id + " also at " + operationIds.get(id));
                }
                if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
                    add("operation-tags", where, "no tag");
                }
                operation.path("tags").forEach(t -> {
                    if (!declaredTags.contains(t.asText())) {
                        add(
                                "operation-tag-defined",
                                where,
                                "tag " + t.asText() + " is not declared in the top-level tags");
                    }
                });
                responses(where, operation.path("responses"));
                pathParams(where, templated, path.getValue().path("parameters"), operation.path("parameters"));
                securityRequirements(operation.path("security"), where + ".security", schemes);
            }
        }
    }

    private void responses(String where, JsonNode responses) {
        boolean success = false;
        boolean clientError = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String status = entry.getKey();
            JsonNode response = resolve(entry.getValue());
            JsonNode content = response.path("content");
            if (status.startsWith("2") || status.startsWith("3")) {
                success = true;
            }
            if (status.startsWith("4")) {
                clientError = true;
            }
            String at = where + ".responses." + status;
            if (status.equals("204") || status.equals("304")) {
                if (!content.isMissingNode() && !content.isEmpty()) {
                    add("success-response-schema", at, status + " has no body, but content is declared");
                }
            } else if (status.startsWith("2")) {
                if (content.isMissingNode() || content.isEmpty()) {
                    add("success-response-schema", at, "a success answer without content: say what it returns");
                }
                content.fields().forEachRemaining(media -> {
                    boolean binary = media.getKey().startsWith("image/")
                            || media.getKey().startsWith("text/csv");
                    if (!binary && media.getValue().path("schema").isMissingNode()) {
                        add("success-response-schema", at, media.getKey() + " without a schema");
                    }
                });
            } else if (status.startsWith("4") || status.startsWith("5")) {
                content.fieldNames().forEachRemaining(type -> {
                    if (!type.equals("application/problem+json")) {
                        add("problem-json", at, "an error answer as " + type + ", not application/problem+json");
                    }
                });
            }
        }
        if (!success) {
            add("operation-2xx-response", where, "no success answer (2xx or 3xx) documented");
        }
        if (!clientError) {
            add("operation-4xx-response", where, "no client error (4xx) documented");
        }
    }

    private void pathParams(String where, Set<String> templated, JsonNode pathLevel, JsonNode operationLevel) {
        Set<String> declared = new HashSet<>();
        for (JsonNode parameters : List.of(pathLevel, operationLevel)) {
            parameters.forEach(p -> {
                JsonNode parameter = resolve(p);
                if (parameter.path("in").asText().equals("path")) {
                    String name = parameter.path("name").asText();
                    declared.add(name);
                    if (!templated.contains(name)) {
                        add("path-params", where, "path parameter " + name + " is not in the path");
                    }
                }
            });
        }
        templated.stream()
                .filter(name -> !declared.contains(name))
                .forEach(name -> add("path-params", where, "{" + name + "} has no path parameter"));
    }

    private void securityRequirements(JsonNode requirements, String where, Set<String> schemes) {
        requirements.forEach(requirement -> requirement.fieldNames().forEachRemaining(name -> {
            if (!schemes.contains(name)) {
                add("oas3-operation-security-defined", where, "security scheme " + name + " is not declared");
            }
        }));
    }

    private void unusedComponents() {
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(document.path("paths"));
        while (!todo.isEmpty()) {
            for (String ref : refs(todo.pop())) {
                if (reached.add(ref)) {
                    JsonNode target = pointer(ref);
                    if (!target.isMissingNode()) {
                        todo.add(target);
                    }
                }
            }
        }
        Set<String> usedSchemes = new HashSet<>();
        collectSchemes(document.path("security"), usedSchemes);
        document.path("paths").forEach(item -> item.forEach(op -> collectSchemes(op.path("security"), usedSchemes)));
        document.path("components")
                .fields()
                .forEachRemaining(kind -> kind.getValue().fieldNames().forEachRemaining(name -> {
                    String ref = "#/components/" + kind.getKey() + "/" + name;
                    boolean used = kind.getKey().equals("securitySchemes")
                            ? usedSchemes.contains(name)
                            : reached.contains(ref);
                    if (!used) {
                        add("oas3-unused-component", "components." + kind.getKey() + "." + name, "never referenced");
                    }
                }));
    }

    private static void collectSchemes(JsonNode requirements, Set<String> into) {
        requirements.forEach(r -> r.fieldNames().forEachRemaining(into::add));
    }

    private static List<String> refs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject() && n.path("$ref").isTextual()) {
                refs.add(n.get("$ref").asText());
            }
            n.forEach(todo::add);
        }
        return refs;
    }

    private JsonNode pointer(String ref) {
        return ref.startsWith("#")
                ? document.at(ref.substring(1))
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode resolve(JsonNode node) {
        return node.path("$ref").isTextual() ? pointer(node.get("$ref").asText()) : node;
    }

    private void patterns(JsonNode node, String where) {
        if (node.isObject()) {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                String regex = pattern.asText();
                if (JAVA_ONLY.matcher(regex).find() || !RegexECMA262Helper.regexIsValid(regex)) {
                    add(
                            "pattern-ecma-262",
                            where.isEmpty() ? "document" : where.substring(1),
                            "pattern " + regex + " is not an ECMA-262 regular expression (Java-only syntax?)");
                }
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    patterns(e.getValue(), where + "." + e.getKey());
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                patterns(node.get(i), where + "[" + i + "]");
            }
        }
    }
}
