package com.example.loyalty.gateway.web;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.ManagementInterface;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayRoutesTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT_PATTERN = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final String token = TestTokens.token("member-1", "member");

    private static String newRequestId() {
        return "test-" + UUID.randomUUID();
    }

    // --- authentication ---------------------------------------------------------------------

    @Test
    void requestWithoutTokenIsRejectedWithProblemAndNeverReachesTheService() {
        String requestId = newRequestId();
        given().header("X-Request-Id", requestId)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Request-Id", requestId)
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(SC_UNAUTHORIZED))
                .body("detail", equalTo("A bearer token is required."))
                .body("instance", equalTo("/api/points/members/me"))
                .body("requestId", equalTo(requestId));
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "the service must not be called");
    }

    @Test
    void postWithoutTokenIsRejectedAndItsBodyIsNotForwarded() {
        String requestId = newRequestId();
        given().header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body("{\"points\":10}")
                .when()
                .post("/api/points/members/me/earn")
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(SC_UNAUTHORIZED));
        assertTrue(Stub.requestsWith(requestId).isEmpty());
    }

    @Test
    void expiredOrForgedTokenIsRejectedWithProblem() {
        String requestId = newRequestId();
        List<String> badTokens = List.of(
                TestTokens.expired("member-1", "member"),
                TestTokens.signedWithUnknownKey("member-1", "member"),
                "not.a.jwt");
        for (String badToken : badTokens) {
            given().header("X-Request-Id", requestId)
                    .auth()
                    .oauth2(badToken)
                    .when()
                    .get("/api/surveys")
                    .then()
                    .statusCode(SC_UNAUTHORIZED)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .header("X-Request-Id", requestId)
                    .body("status", equalTo(SC_UNAUTHORIZED))
                    .body("detail", equalTo("The bearer token is invalid or expired."))
                    .body("instance", equalTo("/api/surveys"));
        }
        assertTrue(Stub.requestsWith(requestId).isEmpty());
    }

    /**
     * The gateway accepts only tokens meant for it (quarkus.oidc.token.audience=gateway): a correctly signed, unexpired
     * token that Keycloak issued for another client is refused before the service is called.
     */
    @Test
    void aTokenNotMeantForTheGatewayIsRejected() {
        String requestId = newRequestId();
        List<String> elsewhere = List.of(
                TestTokens.forAudiences(Set.of("points-service", "survey-service"), "member-1", "member"),
                TestTokens.forAudiences(Set.of("account"), "member-1", "member"),
                TestTokens.forAudiences(Set.of(), "member-1", "member"));
        for (String token : elsewhere) {
            given().header("X-Request-Id", requestId)
                    .auth()
                    .oauth2(token)
                    .when()
                    .get("/api/points/members/me")
                    .then()
                    .statusCode(SC_UNAUTHORIZED)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(SC_UNAUTHORIZED));
        }
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "the service must not be called");

        // the same token meant for the gateway (among others) goes through
        String forGateway = TestTokens.forAudiences(Set.of("gateway", "account"), "member-1", "member");
        given().header("X-Request-Id", requestId)
                .auth()
                .oauth2(forGateway)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("path", equalTo("/api/points/members/me"));
        assertEquals(1, Stub.requestsWith(requestId).size());
    }

    // --- proxying ---------------------------------------------------------------------------

    @Test
    void validTokenIsProxiedWithMethodPathQueryBodyAndAuthorization() {
        String requestId = newRequestId();
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .header("Idempotency-Key", "key-1")
                .contentType(ContentType.JSON)
                .body("{\"points\":10,\"reason\":\"purchase\"}")
                .when()
                .post("/api/points/members/me/earn?source=till&note=a%20b")
                .then()
                .statusCode(SC_OK)
                .contentType(ContentType.JSON)
                .header("X-Stub", "echo")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/points/members/me/earn"))
                .body("query", equalTo("source=till&note=a%20b"))
                .body("body", equalTo("{\"points\":10,\"reason\":\"purchase\"}"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.idempotency-key", equalTo("key-1"))
                .body("headers.content-type", containsString("application/json"));
        assertEquals(1, Stub.requestsWith(requestId).size());
    }

    @Test
    void everyServiceIsRoutedByItsPrefixWithThePathUnchanged() {
        for (String service : List.of("points", "surveys", "metrics", "community")) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/" + service + "/items/42")
                    .then()
                    .statusCode(SC_OK)
                    .body("method", equalTo("GET"))
                    .body("path", equalTo("/api/" + service + "/items/42"));
        }
        given().auth()
                .oauth2(token)
                .when()
                .put("/api/community")
                .then()
                .statusCode(SC_OK)
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/api/community"));
    }

    @Test
    void serviceStatusAndHeadersPassThroughButServiceCorsHeadersDoNot() {
        given().auth()
                .oauth2(token)
                .when()
                .delete("/api/surveys/7?status=" + SC_CONFLICT)
                .then()
                .statusCode(SC_CONFLICT)
                .header("X-Stub", "echo")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("method", equalTo("DELETE"))
                .body("query", equalTo("status=" + SC_CONFLICT));
    }

    @Test
    void unknownApiPathIsAProblem404() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/unknown/things")
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(SC_NOT_FOUND))
                .body("instance", equalTo("/api/unknown/things"));
    }

    // --- headers ----------------------------------------------------------------------------

    @Test
    void spoofedIdentityAndForwardingHeadersAreStripped() {
        Response response = given().auth()
                .oauth2(token)
                .header("X-User-Id", "someone-else")
                .header("X-Member-Id", "m-666")
                .header("X-Roles", "admin")
                .header("X-Forwarded-User", "admin1")
                .header("X-Auth-Request-User", "admin1")
                .header("X-Authenticated-Userid", "admin1")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6;host=evil.example")
                .header("X-Custom", "kept")
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("headers", not(hasKey("x-user-id")))
                .body("headers", not(hasKey("x-member-id")))
                .body("headers", not(hasKey("x-roles")))
                .body("headers", not(hasKey("x-forwarded-user")))
                .body("headers", not(hasKey("x-auth-request-user")))
                .body("headers", not(hasKey("x-authenticated-userid")))
                .body("headers", not(hasKey("forwarded")))
                .body("headers.x-custom", equalTo("kept"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .extract()
                .response();
        assertEquals("127.0.0.1", response.path("headers.x-forwarded-for"));
        assertEquals("http", response.path("headers.x-forwarded-proto"));
        assertTrue(
                ((String) response.path("headers.x-forwarded-host")).startsWith("localhost:"),
                "X-Forwarded-Host is the gateway's own authority");
    }

    @Test
    void requestIdIsGeneratedWhenMissingAndSentUpstream() {
        Response response = given().auth()
                .oauth2(token)
                .when()
                .get("/api/metrics/dashboard")
                .then()
                .statusCode(SC_OK)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract()
                .response();
        assertEquals(response.header("X-Request-Id"), response.path("headers.x-request-id"));
    }

    @Test
    void saneClientRequestIdIsKept() {
        String requestId = "Client_req-" + "x".repeat(53); // 64 characters
        given().auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .when()
                .get("/api/metrics/dashboard")
                .then()
                .statusCode(SC_OK)
                .header("X-Request-Id", requestId)
                .body("headers.x-request-id", equalTo(requestId));
    }

    @Test
    void unsafeOrOverlongClientRequestIdIsReplaced() {
        for (String bad : List.of("x".repeat(65), "id with spaces", "id;drop", "ä-umlaut")) {
            Response response = given().auth()
                    .oauth2(token)
                    .header("X-Request-Id", bad)
                    .when()
                    .get("/api/metrics/dashboard")
                    .then()
                    .statusCode(SC_OK)
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .extract()
                    .response();
            assertEquals(response.header("X-Request-Id"), response.path("headers.x-request-id"));
        }
    }

    @Test
    void aTraceIsStartedWhenTheClientSendsNoneAndPassedOnToTheService() {
        Response created = given().auth()
                .oauth2(token)
                .header("tracestate", "vendor=orphan")
                .when()
                .get("/api/community/posts")
                .then()
                .statusCode(SC_OK)
                .header("traceparent", matchesPattern(TRACEPARENT_PATTERN))
                .body("headers.traceparent", matchesPattern(TRACEPARENT_PATTERN)) // one, not the client's and ours
                .body("headers", not(hasKey("tracestate")))
                .extract()
                .response();
        String answered = created.header("traceparent");
        String upstream = created.path("headers.traceparent");
        assertEquals(traceId(answered), traceId(upstream), "the service joins the trace the client is told");
        assertNotEquals(spanId(answered), spanId(upstream), "the proxied call is a span of its own");
    }

    @Test
    void aClientsTraceIsContinuedByTheGatewayAndTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String incoming = "00-" + traceId + "-00f067aa0ba902b7-01";
        Response continued = given().auth()
                .oauth2(token)
                .header("traceparent", incoming)
                .header("tracestate", "vendor=abc")
                .when()
                .get("/api/community/posts")
                .then()
                .statusCode(SC_OK)
                .header("traceparent", matchesPattern(TRACEPARENT_PATTERN))
                .body("headers.traceparent", matchesPattern(TRACEPARENT_PATTERN))
                .body("headers.tracestate", equalTo("vendor=abc"))
                .extract()
                .response();
        String answered = continued.header("traceparent");
        String upstream = continued.path("headers.traceparent");
        assertEquals(traceId, traceId(answered));
        assertEquals(traceId, traceId(upstream));
        // three spans of one trace: the client's, the gateway's (answered), the gateway's call to the service
        assertEquals(
                3, Set.of(spanId(incoming), spanId(answered), spanId(upstream)).size());
    }

    @Test
    void anInvalidTraceparentIsReplacedByANewTrace() {
        String allZeroTraceId = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
        given().auth()
                .oauth2(token)
                .header("traceparent", allZeroTraceId)
                .header("tracestate", "vendor=abc")
                .when()
                .get("/api/community/posts")
                .then()
                .statusCode(SC_OK)
                .header("traceparent", not(equalTo(allZeroTraceId)))
                .header("traceparent", matchesPattern(TRACEPARENT_PATTERN))
                .body("headers.traceparent", not(containsString("00000000000000000000000000000000")))
                .body("headers", not(hasKey("tracestate")));
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String spanId(String traceparent) {
        return traceparent.substring(36, 52);
    }

    @Test
    void gatewayRejectionsCarryRequestIdAndTraceparentToo() {
        given().when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .header("traceparent", matchesPattern(TRACEPARENT_PATTERN));
    }

    // --- CORS -------------------------------------------------------------------------------

    @Test
    void preflightFromTheConsoleOriginIsAnsweredWithoutToken() {
        String requestId = newRequestId();
        given().header("Origin", "http://localhost:5173")
                .header("X-Request-Id", requestId)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-request-id,idempotency-key")
                .when()
                .options("/api/points/members/me/earn")
                .then()
                .statusCode(SC_OK)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "a preflight is answered by the gateway");
    }

    @Test
    void preflightFromAnotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/api/points/members/me/earn")
                .then()
                .statusCode(SC_FORBIDDEN)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void corsResponseExposesRequestIdAndRetryAfter() {
        given().header("Origin", "http://localhost:8080")
                .auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .body("path", equalTo("/api/points/members/me"));
    }

    // --- OpenAPI, health, metrics -----------------------------------------------------------

    @Test
    void serviceOpenApiDocumentIsProxiedWithoutToken() {
        given().when()
                .get("/openapi/points?format=json")
                .then()
                .statusCode(SC_OK)
                .body("method", equalTo("GET"))
                .body("path", equalTo("/q/openapi"))
                .body("query", equalTo("format=json"))
                .body("headers", not(hasKey("authorization")));
        given().when()
                .get("/openapi/community")
                .then()
                .statusCode(SC_OK)
                .body("path", equalTo("/q/openapi"))
                .body("query", nullValue());
    }

    @Test
    void gatewayOpenApiAndSwaggerUiAreOpenAndListEveryService() {
        given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body("info.title", equalTo("Loyalty gateway"))
                .body("paths", hasKey("/openapi/{service}"));
        String index = given().when()
                .get("/q/swagger-ui/index.html")
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        for (String service : List.of("points", "surveys", "metrics", "community")) {
            assertTrue(index.contains("/openapi/" + service), "Swagger UI lists " + service);
        }
    }

    @Test
    void healthIsOpenAndUpOnTheManagementInterface() {
        // ready once the gateway has seen every service (here: the stub) ready, right after startup
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when()
                        .get(ManagementInterface.url("/q/health/ready"))
                        .then()
                        .statusCode(SC_OK)
                        .body("status", equalTo("UP")));
        given().when()
                .get(ManagementInterface.url("/q/health/live"))
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("UP"));
    }

    /**
     * Health and metrics are served on the management interface only: the public port, the one the Ingress exposes,
     * answers 404 and proxies nothing.
     */
    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        String requestId = newRequestId();
        for (String path :
                List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics")) {
            given().header("X-Request-Id", requestId).when().get(path).then().statusCode(SC_NOT_FOUND);
        }
        assertTrue(Stub.requestsWith(requestId).isEmpty());
        given().when().get(ManagementInterface.url("/q/health/started")).then().statusCode(SC_OK);
        given().when().get(ManagementInterface.url("/q/metrics")).then().statusCode(SC_OK);
    }

    @Test
    void requestCounterIsTaggedByUpstreamAndStatusClass() {
        given().auth().oauth2(token).when().get("/api/surveys/counted").then().statusCode(SC_OK);
        given().when().get("/api/surveys/counted").then().statusCode(SC_UNAUTHORIZED);
        String metrics = given().when()
                .get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        List<String> lines = metrics.lines()
                .filter(l -> l.startsWith("loyalty_gateway_requests_total{"))
                .toList();
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("upstream=\"surveys\"") && l.contains("status_class=\"2xx\"")),
                "2xx counted: " + lines);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("upstream=\"surveys\"") && l.contains("status_class=\"4xx\"")),
                "4xx counted: " + lines);
    }

    @Test
    void httpServerMetricsDoNotCarryRawProxiedPaths() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/" + UUID.randomUUID())
                .then()
                .statusCode(SC_OK);
        String metrics = given().when()
                .get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        assertTrue(
                metrics.lines()
                        .noneMatch(l -> l.startsWith("http_server_requests") && l.contains("/api/points/members/")),
                "uri tag must be a pattern, not the raw path");
    }
}
