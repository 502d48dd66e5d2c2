package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.config;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens that must be refused with a 401 problem, by the gateway and by each service on its own.
 *
 * <p>Forging a token with a bad claim proves nothing if its signature is bad too: it would be refused for that alone.
 * So the test adds a key pair of its own to the realm (a low-priority imported RSA key: Keycloak publishes it in the
 * realm's JWKS but keeps signing with its own key), checks that a token signed with it and otherwise right is
 * accepted everywhere (the control), and then changes one thing at a time: issuer, expiry, not-before, issued-at,
 * audience. The signature attacks start from a real Keycloak token: {@code alg: none}, HS256 keyed with the realm's
 * public key, a changed claim under the original signature; and a real token of a second realm, created here.
 *
 * <p>Runs first: the services fetch the realm's keys when they start and again on the first token with an unknown key
 * id, then at most every 10 minutes (quarkus.oidc.token.forced-jwk-refresh-interval); the test's key must be learnt
 * by that first refresh, before any other test sends a token of an unknown key.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(0)
class ForgedTokensIT {

    private static final String OTHER_REALM = "authz-other";
    private static final List<String> AUDIENCES =
            List.of("gateway", "points-service", "survey-service", "metrics-service", "community-service");

    private static KeyPair testKey;
    private static String testKid;
    private static String testKeyComponent;
    private static String realToken;
    private static JwtClaims realClaims;
    private static JsonWebKey realmKey;

    /** One secured read per workload that the service client (realm role admin) may make: 200 with a good token. */
    static List<String> targets() {
        StackConfig c = config();
        return List.of(
                c.gatewayUrl() + "/api/points/tiers",
                c.serviceUrl(c.pointsPort()) + "/api/points/tiers",
                c.serviceUrl(c.surveysPort()) + "/api/surveys",
                c.serviceUrl(c.metricsPort()) + "/api/metrics/follow-ups",
                c.serviceUrl(c.communityPort()) + "/api/community/ranks");
    }

    @BeforeAll
    static void aKeyOfTheTestsInTheRealmAndASecondRealm() throws Exception {
        StackConfig c = config();
        String realmAdmin = c.keycloakUrl() + "/admin/realms/" + Stack.REALM;

        realToken = Tokens.serviceToken(c);
        realClaims = JwtClaims.parse(payloadOf(realToken));
        String realKid = JsonWebSignature.fromCompactSerialization(realToken).getKeyIdHeaderValue();
        realmKey = jwks(c).findJsonWebKey(realKid, null, null, null);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        testKey = generator.generateKeyPair();
        String realmId = RestAssured.given()
                .auth()
                .oauth2(KeycloakUsers.adminToken(c))
                .get(realmAdmin)
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("id");
        Response created = RestAssured.given()
                .auth()
                .oauth2(KeycloakUsers.adminToken(c))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "forged-tokens-it",
                        "providerId", "rsa",
                        "providerType", "org.keycloak.keys.KeyProvider",
                        "parentId", realmId,
                        "config",
                                Map.of(
                                        "priority", List.of("1"),
                                        "enabled", List.of("true"),
                                        "active", List.of("true"),
                                        "algorithm", List.of("RS256"),
                                        "privateKey",
                                                List.of(Base64.getEncoder()
                                                        .encodeToString(testKey.getPrivate()
                                                                .getEncoded())))))
                .post(realmAdmin + "/components");
        created.then().statusCode(SC_CREATED);
        String location = created.header("Location");
        testKeyComponent = location.substring(location.lastIndexOf('/') + 1);
        testKid = await().atMost(Duration.ofSeconds(30)).until(() -> kidOf(testKey.getPublic()), kid -> kid != null);

        RestAssured.given()
                .auth()
                .oauth2(KeycloakUsers.adminToken(c))
                .contentType(ContentType.JSON)
                .body(otherRealm())
                .post(c.keycloakUrl() + "/admin/realms")
                .then()
                .statusCode(SC_CREATED);
    }

    @AfterAll
    static void removeTheKeyAndTheSecondRealm() {
        StackConfig c = config();
        if (testKeyComponent != null) {
            RestAssured.given()
                    .auth()
                    .oauth2(KeycloakUsers.adminToken(c))
                    .delete(c.keycloakUrl() + "/admin/realms/" + Stack.REALM + "/components/" + testKeyComponent)
                    .then()
                    .statusCode(SC_NO_CONTENT);
        }
        RestAssured.given()
                .auth()
                .oauth2(KeycloakUsers.adminToken(c))
                .delete(c.keycloakUrl() + "/admin/realms/" + OTHER_REALM);
    }

    /** The controls: Keycloak's own token, and one the test signs with its key, right in every claim, pass everywhere. */
    @Test
    void aRealTokenAndAWellFormedTokenOfTheTestsKeyAreAccepted() throws Exception {
        for (String target : targets()) {
            assertEquals(SC_OK, call(target, realToken).statusCode(), "Keycloak's token at " + target);
            Response forged = call(target, signedByTheTestKey(claims -> {}));
            assertEquals(
                    SC_OK,
                    forged.statusCode(),
                    () -> "a token signed with the test's key (published in the realm's JWKS) and right in every claim "
                            + "was refused at " + target + ": the workload did not learn the key (an earlier token of "
                            + "an unknown key id within quarkus.oidc.token.forced-jwk-refresh-interval?), so the "
                            + "claim attacks below would prove nothing. " + forged.asString());
        }
    }

    static List<String> attacks() {
        return List.of(
                "alg none",
                "alg None, the signature kept",
                "HS256 keyed with the realm's public key (PEM)",
                "HS256 keyed with the realm's public key (DER)",
                "a changed claim under Keycloak's signature",
                "a wrong issuer",
                "expired",
                "not before a time to come",
                "issued in the future",
                "a wrong audience",
                "no audience",
                "a key the realm never published",
                "a real token of another realm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedWith401ByTheGatewayAndEveryService(String attack) throws Exception {
        String token = forge(attack);
        List<String> accepted = new ArrayList<>();
        for (String target : targets()) {
            Response response = call(target, token);
            boolean atGateway = target.startsWith(config().gatewayUrl());
            if (response.statusCode() != SC_UNAUTHORIZED
                    || !response.contentType().startsWith("application/problem+json")
                    // the gateway must refuse it itself, not pass it on for the service to refuse: its own problems
                    // are about:blank, a service's 401 has type .../problems/unauthorized
                    || (atGateway && !"about:blank".equals(response.path("type")))) {
                accepted.add(target + " answered " + response.statusCode() + " " + response.contentType() + " "
                        + response.asString());
            }
        }
        assertTrue(accepted.isEmpty(), () -> attack + ": not a 401 problem at\n  " + String.join("\n  ", accepted));
    }

    private static String forge(String attack) throws Exception {
        long now = NumericDate.now().getValue();
        String[] real = realToken.split("\\.");
        String realKid = realmKey.getKeyId();
        return switch (attack) {
            case "alg none" ->
                base64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + realKid + "\"}") + "." + real[1] + ".";
            case "alg None, the signature kept" ->
                base64("{\"alg\":\"None\",\"typ\":\"JWT\",\"kid\":\"" + realKid + "\"}") + "." + real[1] + "."
                        + real[2];
            case "HS256 keyed with the realm's public key (PEM)" ->
                hmac(pem(realmKey.getKey()).getBytes(StandardCharsets.US_ASCII));
            case "HS256 keyed with the realm's public key (DER)" ->
                hmac(realmKey.getKey().getEncoded());
            case "a changed claim under Keycloak's signature" -> {
                JwtClaims changed = JwtClaims.parse(realClaims.toJson());
                changed.setClaim("realm_access", Map.of("roles", List.of("admin", "staff", "marketer", "member")));
                changed.setSubject(UUID.randomUUID().toString());
                yield real[0] + "." + base64(changed.toJson()) + "." + real[2];
            }
            case "a wrong issuer" ->
                signedByTheTestKey(claims -> claims.setIssuer(config().keycloakUrl() + "/realms/" + OTHER_REALM));
            case "expired" ->
                signedByTheTestKey(claims -> {
                    claims.setIssuedAt(NumericDate.fromSeconds(now - 1200));
                    claims.setExpirationTime(NumericDate.fromSeconds(now - 600));
                });
            case "not before a time to come" ->
                signedByTheTestKey(claims -> {
                    claims.setNotBefore(NumericDate.fromSeconds(now + 600));
                    claims.setExpirationTime(NumericDate.fromSeconds(now + 1200));
                });
            case "issued in the future" ->
                signedByTheTestKey(claims -> {
                    claims.setIssuedAt(NumericDate.fromSeconds(now + 600));
                    claims.setExpirationTime(NumericDate.fromSeconds(now + 1200));
                });
            case "a wrong audience" -> signedByTheTestKey(claims -> claims.setAudience("account", "another-service"));
            case "no audience" -> signedByTheTestKey(claims -> claims.unsetClaim("aud"));
            case "a key the realm never published" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                yield sign(claimsNow(), generator.generateKeyPair(), testKid);
            }
            case "a real token of another realm" ->
                RestAssured.given()
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", Tokens.SERVICE_CLIENT)
                        .formParam("client_secret", Tokens.SERVICE_CLIENT_SECRET)
                        .post(config().keycloakUrl() + "/realms/" + OTHER_REALM + "/protocol/openid-connect/token")
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .path("access_token");
            default -> throw new IllegalArgumentException(attack);
        };
    }

    /** The service client's real claims, issued now, valid for five minutes, under a new id. */
    private static JwtClaims claimsNow() throws Exception {
        JwtClaims claims = JwtClaims.parse(realClaims.toJson());
        long now = NumericDate.now().getValue();
        claims.setIssuedAt(NumericDate.fromSeconds(now - 5));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 300));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private static String signedByTheTestKey(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claimsNow();
        change.accept(claims);
        return sign(claims, testKey, testKid);
    }

    private static String sign(JwtClaims claims, KeyPair key, String kid) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String hmac(byte[] secret) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(realClaims.toJson());
        jws.setKey(new HmacKey(secret));
        jws.setDoKeyValidation(false);
        jws.setKeyIdHeaderValue(realmKey.getKeyId());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return jws.getCompactSerialization();
    }

    private static Response call(String url, String token) {
        return RestAssured.given().auth().oauth2(token).accept(ContentType.JSON).get(url);
    }

    private static JsonWebKeySet jwks(StackConfig c) throws JoseException {
        return new JsonWebKeySet(RestAssured.get(c.issuerUrl() + "/protocol/openid-connect/certs")
                .asString());
    }

    private static String kidOf(PublicKey key) throws JoseException {
        return jwks(config()).getJsonWebKeys().stream()
                .filter(k -> key.equals(k.getKey()))
                .map(JsonWebKey::getKeyId)
                .findFirst()
                .orElse(null);
    }

    private static String payloadOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(java.security.Key key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A second realm with a client of the same name and secret, audiences and roles: only the realm differs. */
    private static Map<String, Object> otherRealm() {
        List<Map<String, Object>> audienceMappers = AUDIENCES.stream()
                .map(aud -> Map.<String, Object>of(
                        "name",
                        "audience " + aud,
                        "protocol",
                        "openid-connect",
                        "protocolMapper",
                        "oidc-audience-mapper",
                        "config",
                        Map.of("included.custom.audience", aud, "access.token.claim", "true")))
                .toList();
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", OTHER_REALM);
        realm.put("enabled", true);
        realm.put("roles", Map.of("realm", List.of(Map.of("name", "admin"), Map.of("name", "member"))));
        realm.put(
                "clients",
                List.of(Map.of(
                        "clientId", Tokens.SERVICE_CLIENT,
                        "enabled", true,
                        "publicClient", false,
                        "secret", Tokens.SERVICE_CLIENT_SECRET,
                        "serviceAccountsEnabled", true,
                        "standardFlowEnabled", false,
                        "protocolMappers", audienceMappers)));
        realm.put(
                "users",
                List.of(Map.of(
                        "username",
                        "service-account-" + Tokens.SERVICE_CLIENT,
                        "enabled",
                        true,
                        "serviceAccountClientId",
                        Tokens.SERVICE_CLIENT,
                        "realmRoles",
                        List.of("admin"))));
        return realm;
    }
}
