package com.example.loyalty.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiLintTest {

    private static final String GOOD = """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"servers":[{"url":"/"}],
             "tags":[{"name":"Things"}],
             "security":[{"jwt":[]}],
             "paths":{"/api/things/{id}":{"get":{"operationId":"thing","tags":["Things"],
               "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","pattern":"^[a-z]+$"}}],
               "responses":{"200":{"description":"the thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                            "404":{"description":"none","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","properties":{"name":{"type":"string"}}},
                                      "Problem":{"type":"object","properties":{"instance":{"type":"string","format":"uri-reference"}}}},
                           "securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}}}
            """;

    private static final String BAD = """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},
             "paths":{"/api/things/{id}":{"get":{"operationId":"thing",
                 "parameters":[{"name":"key","in":"path","required":true,"schema":{"type":"string","pattern":"(?i)^[a-z]+$"}}],
                 "responses":{"200":{"description":"the thing"}},
                 "security":[{"basic":[]}]},
               "put":{"operationId":"thing","tags":["Nowhere"],
                 "responses":{"400":{"description":"bad","content":{"application/json":{"schema":{"type":"object"}}}}}}}},
             "components":{"schemas":{"Unused":{"type":"object"}}}}
            """;

    @Test
    void aDocumentThatKeepsTheRulesHasNoFinding() {
        assertEquals(List.of(), OpenApiLint.lint(GOOD));
    }

    @Test
    void eachBrokenRuleIsFound() {
        List<String> rules = OpenApiLint.lint(BAD).stream()
                .map(OpenApiLint.Finding::rule)
                .filter(rule -> !rule.equals("parser"))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "oas3-api-servers",
                        "oas3-operation-security-defined",
                        "oas3-unused-component",
                        "operation-2xx-response",
                        "operation-4xx-response",
                        "operation-operationId-unique",
                        "operation-tag-defined",
                        "operation-tags",
                        "path-params",
                        "path-params",
                        "path-params",
                        "pattern-ecma-262",
                        "problem-json",
                        "success-response-schema"),
                rules);
    }

    @Test
    void javaOnlyRegexSyntaxIsNotEcma262() {
        for (String pattern : List.of("(?i)^a$", "a*+", "(?>a)", "\\Aa\\z", "\\p{L}+", "[a-z]++")) {
            String doc = GOOD.replace("^[a-z]+$", pattern.replace("\\", "\\\\"));
            assertEquals(
                    List.of("pattern-ecma-262"),
                    OpenApiLint.lint(doc).stream()
                            .map(OpenApiLint.Finding::rule)
                            .toList(),
                    pattern);
        }
    }
}
