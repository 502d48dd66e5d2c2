package com.example.loyalty.gateway.proxy;

import static com.example.loyalty.gateway.support.Tokens.accessToken;
import static com.example.loyalty.gateway.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.loyalty.gateway.support.StubUpstreamResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** community points at a port nobody listens on; the others at the stub, with a short response timeout. */
@QuarkusTest
@TestProfile(UpstreamDownTest.ShortTimeout.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = StubUpstreamResource.class, initArgs = @ResourceArg(name = "unreachable", value = "community"))
class UpstreamDownTest {

    private static final int OK = 200;
    private static final int BAD_GATEWAY = 502;
    private static final int GATEWAY_TIMEOUT = 504;

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.proxy.response-timeout", "PT0.5S");
        }
    }

    private final String token = accessToken("member-1", "member");

    @Test
    void unreachableServiceIsA502Problem() {
        given().header("Authorization", bearer(token))
                .header("X-Request-Id", "down-1")
                .when().post("/api/community/posts")
                .then()
                .statusCode(BAD_GATEWAY)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Gateway"))
                .body("status", equalTo(BAD_GATEWAY))
                .body("detail", equalTo("The community service is not reachable."))
                .body("instance", equalTo("/api/community/posts"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void unreachableServiceDocumentIsA502ProblemToo() {
        given().when().get("/openapi/community")
                .then()
                .statusCode(BAD_GATEWAY)
                .contentType("application/problem+json")
                .body("status", equalTo(BAD_GATEWAY))
                .body("instance", equalTo("/openapi/community"));
    }

    @Test
    void slowServiceIsA504Problem() {
        given().header("Authorization", bearer(token))
                .when().get("/api/points/members/me?delayMs=3000")
                .then()
                .statusCode(GATEWAY_TIMEOUT)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", equalTo("The points service did not answer in time."));
    }

    @Test
    void otherServicesStillWork() {
        given().header("Authorization", bearer(token))
                .when().get("/api/points/members/me")
                .then()
                .statusCode(OK)
                .body("path", equalTo("/api/points/members/me"));
    }

    @Test
    void readinessStaysUpWhileAServiceIsDown() {
        given().when().get("/q/health/ready").then().statusCode(OK).body("status", equalTo("UP"));
    }
}
