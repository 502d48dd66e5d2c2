package com.example.loyalty.testing.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link OpenApiLint} of a service's own document, as the running application serves it on {@code /q/openapi}:
 * zero findings, or the build fails listing them. A service's {@code OpenApiLintTest} extends this with
 * {@code @QuarkusTest} (it reuses the application its other tests started: no profile of its own).
 */
public abstract class OpenApiLintTestBase {

    @Test
    void theOpenApiDocumentHasNoLintErrors() {
        String document = given().accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<OpenApiLint.Finding> findings = OpenApiLint.lint(document);
        assertTrue(
                findings.isEmpty(),
                () -> findings.size() + " OpenAPI lint errors (rules: OpenApiLint):\n  "
                        + String.join(
                                "\n  ", findings.stream().map(String::valueOf).toList()));
    }
}
