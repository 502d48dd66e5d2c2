package com.example.loyalty.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_GATEWAY;
import static org.apache.http.HttpStatus.SC_GATEWAY_TIMEOUT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.ManagementInterface;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** community points at a port nobody listens on; the others at the stub, with a short response timeout. */
@QuarkusTest
@TestProfile(UpstreamDownTest.ShortTimeout.class)
@WithTestResource(OidcKeysResource.class)
@WithTestResource(
        value = StubUpstreamResource.class,
        initArgs = @ResourceArg(name = "unreachable", value = "community"))
class UpstreamDownTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.proxy.response-timeout", "PT0.5S", "gateway.proxy.unavailable-retry-after", "PT2.5S");
        }
    }

    private final String token = TestTokens.token("member-1", "member");

    /** Nothing was sent, so even a POST may be sent again: 503 with Retry-After, as the services answer when their
     * database is away. */
    @Test
    void unreachableServiceIsA503ProblemWithRetryAfter() {
        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "down-1")
                .when()
                .post("/api/community/posts")
                .then()
                .statusCode(SC_SERVICE_UNAVAILABLE)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .header("Retry-After", "3")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(SC_SERVICE_UNAVAILABLE))
                .body(
                        "detail",
                        equalTo("The community service is not reachable; the request was not passed on and may be "
                                + "sent again after Retry-After."))
                .body("instance", equalTo("/api/community/posts"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void unreachableServiceDocumentIsA503ProblemToo() {
        given().when()
                .get("/openapi/community")
                .then()
                .statusCode(SC_SERVICE_UNAVAILABLE)
                .contentType("application/problem+json")
                .header("Retry-After", "3")
                .body("status", equalTo(SC_SERVICE_UNAVAILABLE))
                .body("instance", equalTo("/openapi/community"));
    }

    /** The service had the request when the connection broke: it may have acted, so no invitation to resend. */
    @Test
    void connectionLostAfterTheRequestWentOutIsA502WithoutRetryAfter() {
        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "down-2")
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/api/points/members/me/purchases?reset=true")
                .then()
                .statusCode(SC_BAD_GATEWAY)
                .contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("title", equalTo("Bad Gateway"))
                .body("status", equalTo(SC_BAD_GATEWAY))
                .body(
                        "detail",
                        equalTo("The connection to the points service failed before it answered; the request may "
                                + "have been carried out."))
                .body("requestId", equalTo("down-2"));
        assertEquals(1, Stub.requestsWith("down-2").size(), "the service had the request");
    }

    @Test
    void slowServiceIsA504Problem() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/me?delayMs=3000")
                .then()
                .statusCode(SC_GATEWAY_TIMEOUT)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", equalTo("The points service did not answer in time."));
    }

    @Test
    void otherServicesStillWork() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("path", equalTo("/api/points/members/me"));
    }

    /**
     * community has never been ready (nothing listens): the gateway is not ready and says which service it
     * waits for, while it keeps answering (the other services, and 503 for community).
     */
    @Test
    void readinessWaitsForTheServiceThatWasNeverReady() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when()
                        .get(ManagementInterface.url("/q/health/ready"))
                        .then()
                        .statusCode(SC_SERVICE_UNAVAILABLE)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'upstreams-started' }.data.awaiting", equalTo("community")));
        given().when()
                .get(ManagementInterface.url("/q/health/live"))
                .then()
                .statusCode(SC_OK)
                .body("status", equalTo("UP"));
    }
}
