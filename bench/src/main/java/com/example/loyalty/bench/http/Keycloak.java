package com.example.loyalty.bench.http;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens and throw-away members from the stack's Keycloak (admin API with the local admin/admin login). */
public final class Keycloak {

    private final StackConfig config;

    public Keycloak(StackConfig config) {
        this.config = config;
    }

    public String token(String user, String password) {
        return Http.postForm(
                        config.tokenUrl(),
                        null,
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "loyalty-app",
                                "username",
                                user,
                                "password",
                                password))
                .expect(200)
                .json()
                .get("access_token")
                .asText();
    }

    /**
     * Tokens of {@code count} users {@code prefix}0, {@code prefix}1, ... with the realm role {@code roleName}
     * (password = user name), each created unless it exists: one login each, so the gateway limits each on its own.
     */
    public List<String> users(String prefix, int count, String roleName) {
        System.out.printf("creating %d Keycloak users %s* (%s) ...%n", count, prefix, roleName);
        String admin = adminToken();
        JsonNode role = role(admin, roleName);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 25 == 24) {
                admin = adminToken(); // master-realm tokens live 60 s
            }
            String user = prefix + i;
            createMember(admin, role, user);
            tokens.add(token(user, user));
        }
        return tokens;
    }

    /** Fresh tokens of users created before by {@link #users}. */
    public List<String> logins(String prefix, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(token(prefix + i, prefix + i));
        }
        return tokens;
    }

    /** Creates a user with the given realm role (password = user name) unless it exists. */
    public void createMember(String adminToken, JsonNode memberRole, String username) {
        createUser(adminToken, memberRole, username, Map.of());
    }

    /**
     * Creates a staff user working at {@code storeId} (the user attribute store_id, which the realm maps into the
     * token: points-service lets staff record only at their store), or gives an existing one that store.
     */
    public void createStaff(String adminToken, JsonNode staffRole, String username, String storeId) {
        createUser(adminToken, staffRole, username, Map.of(STORE_ATTRIBUTE, List.of(storeId)));
    }

    /** The user attribute naming a staff member's store (the realm's user profile declares it). */
    public static final String STORE_ATTRIBUTE = "store_id";

    private void createUser(String adminToken, JsonNode role, String username, Map<String, List<String>> attributes) {
        String users = config.keycloakUrl() + "/admin/realms/" + Stack.REALM + "/users";
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("email", username + "@bench.example.com");
        user.put("firstName", "Bench");
        user.put("lastName", username);
        user.put("credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        if (!attributes.isEmpty()) {
            user.put("attributes", attributes);
        }
        Http.Response created = Http.postJson(users, adminToken, user).expect(201, 409);
        JsonNode existing = Http.get(users + "?exact=true&username=" + username, adminToken)
                .expect(200)
                .json()
                .get(0);
        String id = existing.get("id").asText();
        if (created.status() == 409) {
            // made by an earlier run (perhaps before staff had stores): give it the attributes of this one
            if (!attributes.isEmpty() && !Http.JSON.valueToTree(attributes).equals(existing.path("attributes"))) {
                ObjectNode update = existing.deepCopy();
                update.set("attributes", Http.JSON.valueToTree(attributes));
                Http.putJson(users + "/" + id, adminToken, update).expect(204);
            }
            return;
        }
        Http.postJson(users + "/" + id + "/role-mappings/realm", adminToken, List.of(role))
                .expect(204);
    }

    public String adminToken() {
        return Http.postForm(
                        config.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                        null,
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                Stack.KEYCLOAK_ADMIN,
                                "password",
                                Stack.KEYCLOAK_ADMIN_PASSWORD))
                .expect(200)
                .json()
                .get("access_token")
                .asText();
    }

    public JsonNode memberRole(String adminToken) {
        return role(adminToken, "member");
    }

    /** The realm role {@code name} (member, staff, marketer, admin), to give to users. */
    public JsonNode role(String adminToken, String name) {
        return Http.get(config.keycloakUrl() + "/admin/realms/" + Stack.REALM + "/roles/" + name, adminToken)
                .expect(200)
                .json();
    }
}
