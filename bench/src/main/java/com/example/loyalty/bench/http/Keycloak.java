package com.example.loyalty.bench.http;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
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

    /** Creates a user with the given realm role (password = user name) unless it exists. */
    public void createMember(String adminToken, JsonNode memberRole, String username) {
        String users = config.keycloakUrl() + "/admin/realms/" + Stack.REALM + "/users";
        Http.Response created = Http.postJson(
                        users,
                        adminToken,
                        Map.of(
                                "username",
                                username,
                                "enabled",
                                true,
                                "emailVerified",
                                true,
                                "email",
                                username + "@bench.example.com",
                                "firstName",
                                "Bench",
                                "lastName",
                                username,
                                "credentials",
                                List.of(Map.of("type", "password", "value", username, "temporary", false))))
                .expect(201, 409);
        if (created.status() == 409) {
            return;
        }
        String id = Http.get(users + "?exact=true&username=" + username, adminToken)
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asText();
        Http.postJson(users + "/" + id + "/role-mappings/realm", adminToken, List.of(memberRole))
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
