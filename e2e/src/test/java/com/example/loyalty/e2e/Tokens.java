package com.example.loyalty.e2e;

import static org.apache.http.HttpStatus.SC_OK;

import com.example.loyalty.launcher.StackConfig;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the stack's Keycloak: demo users by the password grant of the public client
 * {@code loyalty-app}, the machine-to-machine client {@code loyalty-service} by the client-credentials grant.
 */
final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A token for a demo user (password = user name); cached, tokens live longer than the test run. */
    static String accessToken(StackConfig config, String user) {
        return CACHE.computeIfAbsent(
                user,
                u -> RestAssured.given()
                        .formParam("grant_type", "password")
                        .formParam("client_id", "loyalty-app")
                        .formParam("username", u)
                        .formParam("password", u)
                        .post(config.tokenUrl())
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .path("access_token"));
    }

    /** The confidential client of the realm file (launcher/src/main/resources/keycloak/loyalty-realm.json). */
    static final String SERVICE_CLIENT = "loyalty-service";

    static final String SERVICE_CLIENT_SECRET = "loyalty-service-secret";

    /** A client-credentials token of {@link #SERVICE_CLIENT}; cached like the users' tokens. */
    static String serviceToken(StackConfig config) {
        return CACHE.computeIfAbsent(
                "client:" + SERVICE_CLIENT,
                c -> RestAssured.given()
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", SERVICE_CLIENT)
                        .formParam("client_secret", SERVICE_CLIENT_SECRET)
                        .post(config.tokenUrl())
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .path("access_token"));
    }
}
