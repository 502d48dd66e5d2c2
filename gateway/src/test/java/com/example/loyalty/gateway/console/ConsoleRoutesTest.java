package com.example.loyalty.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    @Test
    void theRealmUrlIsSplitIntoKeycloaksBaseAndTheRealm() {
        assertEquals(
                new JsonObject()
                        .put("url", "https://id.example.com/auth")
                        .put("realm", "loyalty")
                        .put("clientId", "loyalty-app"),
                ConsoleRoutes.configOf(URI.create("https://id.example.com/auth/realms/loyalty/"), "loyalty-app"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConsoleRoutes.configOf(URI.create("https://id.example.com/oidc"), "loyalty-app"));
    }

    @Test
    void theInlineScriptsAreHashedAsCspWantsThemAndScriptsWithASourceAreNot() {
        // sha256 of "alert(1)" in base64, as browsers compute it for <script>alert(1)</script>
        assertEquals(
                List.of("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="),
                ConsoleRoutes.inlineScriptHashes(
                        "<script src=\"/a.js\"></script><script type=\"importmap\">alert(1)</script>"));
    }

    @Test
    void thePolicyLetsScriptsComeFromTheGatewayAndTheListedHashesOnlyAndTalksToKeycloak() {
        String csp = ConsoleRoutes.contentSecurityPolicy("http://localhost:8180", List.of("sha256-abc"));
        assertTrue(csp.contains("script-src 'self' 'sha256-abc';"), csp);
        assertTrue(csp.contains("connect-src 'self' http://localhost:8180;"), csp);
        assertTrue(csp.contains("frame-ancestors 'self'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertEquals("https://id.example.com", ConsoleRoutes.origin(URI.create("https://id.example.com/realms/x")));
    }
}
