package com.example.loyalty.gateway.web;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.ManagementInterface;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway in the production profile (application.properties' {@code %prod} values and the unprefixed ones that no
 * dev/local/test value overrides): the API documents and the Swagger UI need a token, health and metrics stay off the
 * public port, and a client that stops sending is disconnected. Only the idle timeout is shortened (75 s in
 * production), so that the test need not wait that long.
 */
@QuarkusTest
@TestProfile(ProductionEdgeTest.Production.class)
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class ProductionEdgeTest {

    static final int IDLE_SECONDS = 2;

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // outside the test profile the test port would be 8081: a random one, as every test uses
                    "quarkus.http.test-port", "0", "quarkus.http.idle-timeout", IDLE_SECONDS + "S");
        }
    }

    private final String member = TestTokens.token("member-1", "member");

    @Test
    void theApiDocumentsNeedATokenInProduction() {
        String requestId = "docs-" + UUID.randomUUID();
        for (String path : List.of(
                "/q/openapi",
                "/q/openapi?format=json",
                "/q/swagger-ui",
                "/q/swagger-ui/index.html",
                "/openapi/points")) {
            given().header("X-Request-Id", requestId)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(SC_UNAUTHORIZED)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("A bearer token is required."));
        }
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "no document was fetched from a service");

        given().auth()
                .oauth2(member)
                .accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body("info.title", equalTo("Loyalty gateway"));
        given().auth()
                .oauth2(member)
                .when()
                .get("/openapi/surveys")
                .then()
                .statusCode(SC_OK)
                .body("path", equalTo("/q/openapi"));
        given().auth()
                .oauth2(member)
                .when()
                .get("/q/swagger-ui/index.html")
                .then()
                .statusCode(SC_OK);
    }

    /** Metrics are for the scrapers on the management port; the public port, the Ingress', answers 404. */
    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path :
                List.of("/q/metrics", "/q/metrics/", "/q/health", "/q/health/ready", "/q/health/live", "/q/info")) {
            given().when().get(path).then().statusCode(SC_NOT_FOUND);
            given().auth().oauth2(member).when().get(path).then().statusCode(SC_NOT_FOUND);
        }
        given().when().get(ManagementInterface.url("/q/metrics")).then().statusCode(SC_OK);
    }

    /** A client that sends part of its headers and then nothing is disconnected after the idle timeout. */
    @Test
    void aClientThatStopsSendingIsDisconnected() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((IDLE_SECONDS + 8) * 1000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/surveys HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the gateway kept a silent connection open for " + (IDLE_SECONDS + 8) + " s");
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(-1, read, "closed without an answer");
            assertTrue(seconds >= IDLE_SECONDS - 1, "closed after the idle timeout, not before: " + seconds + " s");
        }
    }
}
