package com.example.loyalty.gateway.console;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.OidcKeysResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console as the gateway serves it, without a token: its page with the security headers, where to sign in, and
 * every script the page and its modules load, from the jars of the build (WebJars and mvnpm, by paths without a
 * version).
 */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class ConsoleTest {

    @Test
    void thePageIsServedWithAPolicyThatAllowsItsImportMapByHash() {
        String csp = given().get("/")
                .then()
                .statusCode(SC_OK)
                .contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<loyalty-console>"))
                .extract()
                .header("Content-Security-Policy");
        org.junit.jupiter.api.Assertions.assertTrue(csp.contains("script-src 'self' 'sha256-"), csp);
    }

    @Test
    void thePageAndTheLibrariesAreCheckedAgainOnEveryUseForTheirPathsCarryNoVersion() {
        for (String path :
                List.of("/", "/console/app.js", "/webjars/chart.js/dist/chart.umd.min.js", "/_static/lit/index.js")) {
            given().get(path).then().statusCode(SC_OK).header("Cache-Control", "no-cache");
        }
    }

    @Test
    void theConfigNamesKeycloakTheRealmAndThePublicClient() {
        given().get("/console/config.json")
                .then()
                .statusCode(SC_OK)
                .header("Cache-Control", "no-store")
                .body("realm", equalTo("loyalty"))
                .body("clientId", equalTo("loyalty-app"))
                .body("url", startsWith("http"));
    }

    /** Every script of index.html and every entry of its import map is served. */
    @Test
    void everyScriptThePageLoadsIsServed() throws IOException {
        String html;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/index.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"|\"(/_static/[^\"]+\\.js)\"")
                .matcher(html);
        int found = 0;
        while (m.find()) {
            String path = m.group(1) != null ? m.group(1) : m.group(2);
            given().get(path).then().statusCode(SC_OK);
            found++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(found >= 9, "paths checked: " + found);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/console/app.js",
                "/console/views/member-home.js",
                "/console/card-design.js",
                "/_static/lit/directives/live.js",
                "/_static/lit-html/directives/live.js",
                "/console/locales/ja.js",
                "/_static/lit-html/lit-html.js",
                "/_static/lit-element/lit-element.js",
                "/_static/reactive-element/reactive-element.js",
                "/silent-check-sso.html"
            })
    void theModulesAndTheirDependenciesAreServed(String path) {
        given().get(path).then().statusCode(SC_OK);
    }
}
