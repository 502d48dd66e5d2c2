package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Every workload accepts only tokens whose aud names it (quarkus.oidc.token.audience = its client id), and the
     * gateway passes the caller's token on to the service: so the tokens of the app (members, staff, marketers) and of
     * the local till/integration client carry all five audiences, put there by Keycloak's audience mappers (custom
     * audiences: no client of that name is needed), in the access token only.
     */
    @Test
    void theAppsAndTheServiceClientsTokensAreMeantForTheGatewayAndEveryService() throws Exception {
        JsonNode realm;
        try (InputStream in = KeycloakNode.class.getResourceAsStream(KeycloakNode.REALM_RESOURCE)) {
            realm = new ObjectMapper().readTree(in);
        }
        Map<String, List<String>> audiences = new HashMap<>();
        for (JsonNode client : realm.get("clients")) {
            List<String> found = new java.util.ArrayList<>();
            for (JsonNode m : client.path("protocolMappers")) {
                if (m.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    JsonNode config = m.get("config");
                    assertEquals("openid-connect", m.get("protocol").asText());
                    assertEquals(
                            "true",
                            config.get("access.token.claim").asText(),
                            m.get("name").asText());
                    assertEquals(
                            "false",
                            config.get("id.token.claim").asText(),
                            m.get("name").asText());
                    found.add(config.get("included.custom.audience").asText());
                }
            }
            audiences.put(client.get("clientId").asText(), found);
        }
        List<String> workloads =
                List.of("gateway", "points-service", "survey-service", "metrics-service", "community-service");
        assertEquals(Map.of("loyalty-app", workloads, "loyalty-service", workloads), audiences);
    }

    /**
     * Staff carry their store: the user attribute store_id (declared in the user profile, which only admins may edit:
     * Keycloak drops attributes it does not declare), mapped into the access token as the claim store_id, which
     * points-service reads (points.staff.store-claim). Every staff demo user has a store; staff1 works at S001.
     */
    @Test
    void staffCarryTheirStoreInTheToken() throws Exception {
        JsonNode realm;
        try (InputStream in = KeycloakNode.class.getResourceAsStream(KeycloakNode.REALM_RESOURCE)) {
            realm = new ObjectMapper().readTree(in);
        }
        JsonNode app = null;
        for (JsonNode c : realm.get("clients")) {
            if (c.get("clientId").asText().equals("loyalty-app")) {
                app = c;
            }
        }
        assertNotNull(app);
        JsonNode mapper = null;
        for (JsonNode m : app.path("protocolMappers")) {
            if (m.path("config").path("claim.name").asText().equals("store_id")) {
                mapper = m;
            }
        }
        assertNotNull(mapper, "loyalty-app maps a store_id claim");
        assertEquals("openid-connect", mapper.get("protocol").asText());
        assertEquals(
                "oidc-usermodel-attribute-mapper", mapper.get("protocolMapper").asText());
        JsonNode config = mapper.get("config");
        assertEquals("store_id", config.get("user.attribute").asText());
        assertEquals("String", config.get("jsonType.label").asText());
        assertEquals("true", config.get("access.token.claim").asText());

        JsonNode profiles = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        assertEquals(1, profiles.size());
        assertEquals(
                "declarative-user-profile", profiles.get(0).get("providerId").asText());
        JsonNode profile = new ObjectMapper()
                .readTree(profiles.get(0)
                        .get("config")
                        .get("kc.user.profile.config")
                        .get(0)
                        .asText());
        Map<String, JsonNode> attributes = new HashMap<>();
        profile.get("attributes").forEach(a -> attributes.put(a.get("name").asText(), a));
        assertTrue(
                attributes.keySet().containsAll(java.util.List.of("username", "email", "firstName", "lastName")),
                "the default attributes stay: " + attributes.keySet());
        JsonNode store = attributes.get("store_id");
        assertNotNull(store, "the user profile declares store_id");
        assertEquals(
                java.util.List.of("admin"),
                java.util.List.of(store.get("permissions").get("edit").get(0).asText()));
        assertEquals(1, store.get("permissions").get("edit").size(), "only admins set a store");

        Map<String, String> storeOf = new HashMap<>();
        realm.get("users").forEach(u -> {
            boolean staff = false;
            for (JsonNode r : u.path("realmRoles")) {
                staff |= r.asText().equals("staff");
            }
            if (staff) {
                JsonNode stores = u.path("attributes").path("store_id");
                assertEquals(1, stores.size(), u.get("username").asText() + " has one store");
                storeOf.put(u.get("username").asText(), stores.get(0).asText());
            }
        });
        assertEquals(Map.of("staff1", "S001"), storeOf);
    }

    /**
     * points-service trusts an e-mail or phone at the till only when the token vouches for it (docs/member-card.md):
     * the app's tokens carry email_verified and phone_number_verified, member1's phone is verified (member2's is not),
     * and no user can set their own phone or its verification.
     */
    @Test
    void tokensOfTheAppCarryVerifiedContactsThatOnlyAdminsCanSet() throws Exception {
        JsonNode realm;
        try (InputStream in = KeycloakNode.class.getResourceAsStream(KeycloakNode.REALM_RESOURCE)) {
            realm = new ObjectMapper().readTree(in);
        }
        JsonNode app = null;
        for (JsonNode c : realm.get("clients")) {
            if (c.get("clientId").asText().equals("loyalty-app")) {
                app = c;
            }
        }
        assertNotNull(app);
        List<String> scopes = new java.util.ArrayList<>();
        app.get("defaultClientScopes").forEach(scope -> scopes.add(scope.asText()));
        assertTrue(scopes.containsAll(List.of("email", "phone")), "email and phone scopes by default: " + scopes);

        Map<String, JsonNode> users = new HashMap<>();
        realm.get("users").forEach(u -> users.put(u.get("username").asText(), u));
        assertEquals(
                "+81 90-0000-0001",
                users.get("member1").at("/attributes/phoneNumber/0").asText());
        assertEquals(
                "true",
                users.get("member1").at("/attributes/phoneNumberVerified/0").asText());
        assertEquals(
                "false",
                users.get("member2").at("/attributes/phoneNumberVerified/0").asText());

        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        assertEquals("declarative-user-profile", provider.get("providerId").asText());
        JsonNode profile = new ObjectMapper()
                .readTree(provider.at("/config/kc.user.profile.config/0").asText());
        Map<String, JsonNode> attributes = new HashMap<>();
        profile.get("attributes").forEach(a -> attributes.put(a.get("name").asText(), a));
        assertTrue(attributes.keySet().containsAll(List.of("username", "email", "firstName", "lastName")));
        for (String phone : List.of("phoneNumber", "phoneNumberVerified")) {
            JsonNode edit = attributes.get(phone).at("/permissions/edit");
            assertEquals(1, edit.size(), phone + " is edited by admins only");
            assertEquals("admin", edit.get(0).asText());
        }
    }
}
