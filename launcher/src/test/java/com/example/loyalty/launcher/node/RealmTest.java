package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmTest {

    @Test
    void realmHasTheRolesClientsAndDemoUsersOfTheContract() throws Exception {
        JsonNode realm;
        try (InputStream in = KeycloakNode.class.getResourceAsStream(KeycloakNode.REALM_RESOURCE)) {
            assertNotNull(in);
            realm = new ObjectMapper().readTree(in);
        }
        assertEquals("loyalty", realm.get("realm").asText());
        assertEquals("none", realm.get("sslRequired").asText());
        assertEquals(900, realm.get("accessTokenLifespan").asInt());
        assertEquals(
                java.util.List.of("member", "staff", "marketer", "admin"),
                realm.get("roles").get("realm").findValuesAsText("name"));

        Map<String, JsonNode> clients = new HashMap<>();
        realm.get("clients").forEach(c -> clients.put(c.get("clientId").asText(), c));
        JsonNode app = clients.get("loyalty-app");
        assertTrue(app.get("publicClient").asBoolean());
        assertTrue(app.get("directAccessGrantsEnabled").asBoolean());
        assertTrue(app.get("standardFlowEnabled").asBoolean());
        JsonNode service = clients.get("loyalty-service");
        assertFalse(service.get("publicClient").asBoolean());
        assertTrue(service.get("serviceAccountsEnabled").asBoolean());
        assertEquals("loyalty-service-secret", service.get("secret").asText());

        Map<String, String> roleOf = new HashMap<>();
        realm.get("users")
                .forEach(u -> roleOf.put(
                        u.get("username").asText(), u.get("realmRoles").get(0).asText()));
        assertEquals(
                Map.of(
                        "member1",
                        "member",
                        "member2",
                        "member",
                        "staff1",
                        "staff",
                        "marketer1",
                        "marketer",
                        "admin1",
                        "admin",
                        "service-account-loyalty-service",
                        "admin"),
                roleOf);
        realm.get("users").forEach(u -> {
            if (u.has("credentials")) {
                JsonNode cred = u.get("credentials").get(0);
                assertEquals(u.get("username").asText(), cred.get("value").asText());
                assertFalse(cred.get("temporary").asBoolean());
                assertEquals(
                        u.get("username").asText() + "@example.com",
                        u.get("email").asText());
                assertTrue(u.get("emailVerified").asBoolean());
            }
        });
    }
}
