package com.example.loyalty.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_TOO_MANY_REQUESTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class RateLimitTest {

    /** More than capacity + what can refill while they are sent. */
    private static final int ATTEMPTS = 30;

    /** Capacity 3, one token back per second. */
    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.capacity", "3", "gateway.rate-limit.refill-per-second", "1");
        }
    }

    /** Sends requests until the first 429 and returns it (fails if none came). */
    private static Response firstRejection(Function<String, Response> send) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Response response = send.apply("rl-" + UUID.randomUUID());
            if (response.statusCode() == SC_TOO_MANY_REQUESTS) {
                return response;
            }
            assertEquals(SC_OK, response.statusCode(), response.asString());
        }
        throw new AssertionError("no 429 after " + ATTEMPTS + " requests");
    }

    @Test
    void clientOverTheLimitGets429WithRetryAfterAndTheServiceIsNotCalled() {
        String token = TestTokens.token("busy-member", "member");
        Response rejected = firstRejection(requestId -> given().auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .when()
                .get("/api/points/members/me"));

        rejected.then()
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Too Many Requests"))
                .body("status", equalTo(SC_TOO_MANY_REQUESTS))
                .body("detail", startsWith("Rate limit exceeded"))
                .body("instance", equalTo("/api/points/members/me"));
        String requestId = rejected.header("X-Request-Id");
        assertNotNull(requestId);
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "a rejected request must not reach the service");
    }

    @Test
    void limitIsPerTokenSubject() {
        String busy = TestTokens.token("greedy-member", "member");
        firstRejection(requestId -> given().auth().oauth2(busy).when().get("/api/surveys"));

        String other = TestTokens.token("patient-member", "member");
        given().auth()
                .oauth2(other)
                .when()
                .get("/api/surveys")
                .then()
                .statusCode(SC_OK)
                .body("path", equalTo("/api/surveys"));
    }

    @Test
    void anonymousRoutesAreLimitedPerClientIp() {
        Response rejected = firstRejection(requestId -> given().when().get("/openapi/points"));
        rejected.then()
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("instance", equalTo("/openapi/points"));
    }

    @Test
    void rejectionsAreCounted() {
        String token = TestTokens.token("counted-member", "member");
        firstRejection(requestId -> given().auth().oauth2(token).when().get("/api/community/posts"));
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("loyalty_gateway_rate_limited_total{")
                                && l.contains("upstream=\"community\"")),
                metrics);
        assertTrue(metrics.lines()
                .anyMatch(l -> l.startsWith("loyalty_gateway_requests_total{")
                        && l.contains("upstream=\"community\"")
                        && l.contains("status_class=\"4xx\"")));
    }
}
