package com.example.loyalty.e2e;

import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * Users created for one test run through Keycloak's admin API, for stories that must not spend a demo user (an erased
 * member stays erased): password = user name, so {@link LoyaltyStack#as} signs them in like the demo users.
 */
final class KeycloakUsers {

    private KeycloakUsers() {}

    /** Creates an enabled user of realm role {@code role} with a verified e-mail; returns their Keycloak id. */
    static String create(StackConfig config, String username, String role) {
        String admin = adminToken(config);
        String users = config.keycloakUrl() + "/admin/realms/" + Stack.REALM + "/users";
        RestAssured.given()
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@example.com",
                        "emailVerified",
                        true,
                        "firstName",
                        "Erin",
                        "lastName",
                        "Example",
                        "credentials",
                        List.of(Map.of("type", "password", "value", username, "temporary", false))))
                .post(users)
                .then()
                .statusCode(SC_CREATED);
        String id = RestAssured.given()
                .auth()
                .oauth2(admin)
                .queryParam("username", username)
                .queryParam("exact", true)
                .get(users)
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("[0].id");
        Map<String, Object> roleRepresentation = RestAssured.given()
                .auth()
                .oauth2(admin)
                .get(config.keycloakUrl() + "/admin/realms/" + Stack.REALM + "/roles/" + role)
                .then()
                .statusCode(SC_OK)
                .extract()
                .as(Map.class);
        RestAssured.given()
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(List.of(roleRepresentation))
                .post(users + "/" + id + "/role-mappings/realm")
                .then()
                .statusCode(SC_NO_CONTENT);
        return id;
    }

    static String adminToken(StackConfig config) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", Stack.KEYCLOAK_ADMIN)
                .formParam("password", Stack.KEYCLOAK_ADMIN_PASSWORD)
                .post(config.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("access_token");
    }
}
