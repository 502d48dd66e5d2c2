package com.example.loyalty.e2e;

import static org.apache.http.HttpStatus.SC_OK;

import com.example.loyalty.launcher.StackConfig;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the stack's Keycloak, by the password grant of the public client {@code loyalty-app}. */
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
}
