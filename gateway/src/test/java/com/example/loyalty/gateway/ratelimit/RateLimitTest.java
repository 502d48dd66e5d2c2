package com.example.loyalty.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_TOO_MANY_REQUESTS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.ClientTokens;
import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.ManagementInterface;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The limit per token subject, sized by the token's client and roles, and the 429 it answers. Tiny limits, one
 * token back per second, so a budget is spent in a few dozen requests; a budget of {@code n} lets {@code n} requests
 * through, plus one per second the sending took. Only valid tokens here: the budget of the tests' one address
 * (127.0.0.1) stays untouched, it is {@link AddressRateLimitTest}'s business.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class RateLimitTest {

    static final int MEMBER = 3;
    static final int MARKETER = 6;
    static final int STAFF = 30;
    static final int TILL_CLIENT = 12;

    /** Every subject limit small, one token back per second; a client "till-chain" with a limit of its own. */
    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.default.capacity",
                    "" + MEMBER,
                    "gateway.rate-limit.default.refill-per-second",
                    "1",
                    "gateway.rate-limit.roles.marketer.capacity",
                    "" + MARKETER,
                    "gateway.rate-limit.roles.marketer.refill-per-second",
                    "1",
                    "gateway.rate-limit.roles.staff.capacity",
                    "" + STAFF,
                    "gateway.rate-limit.roles.staff.refill-per-second",
                    "1",
                    "gateway.rate-limit.clients.till-chain.capacity",
                    "" + TILL_CLIENT,
                    "gateway.rate-limit.clients.till-chain.refill-per-second",
                    "1");
        }
    }

    static FirstRejection firstRejection(Function<String, Response> send) {
        return FirstRejection.of(4 * STAFF, SC_OK, send);
    }

    private static Response get(String token, String path) {
        return given().auth().oauth2(token).when().get(path);
    }

    @Test
    void clientOverTheLimitGets429WithRetryAfterAndTheServiceIsNotCalled() {
        String token = TestTokens.token("busy-member", "member");
        FirstRejection rejection = firstRejection(requestId -> given().auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .when()
                .get("/api/points/members/me"));

        rejection.assertBudget(MEMBER);
        rejection
                .response()
                .then()
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Too Many Requests"))
                .body("status", equalTo(SC_TOO_MANY_REQUESTS))
                .body("detail", equalTo("Rate limit exceeded; retry after 1 s."))
                .body("instance", equalTo("/api/points/members/me"));
        String requestId = rejection.response().header("X-Request-Id");
        assertNotNull(requestId);
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "a rejected request must not reach the service");
    }

    @Test
    void limitIsPerTokenSubject() {
        String busy = TestTokens.token("greedy-member", "member");
        firstRejection(requestId -> get(busy, "/api/surveys"));

        String other = TestTokens.token("patient-member", "member");
        get(other, "/api/surveys").then().statusCode(SC_OK).body("path", equalTo("/api/surveys"));
    }

    @Test
    void oneStaffSubjectSendsTenTimesAMembersBudgetWhileAMemberIsHeldToIts() {
        String member = TestTokens.token("phone-member", "member");
        firstRejection(requestId -> get(member, "/api/points/members/me")).assertBudget(MEMBER);

        // a till chain signs in as one staff subject: ten times a member's budget, and more, without a 429
        String till = TestTokens.token("till-integration", "staff");
        for (int i = 0; i < 10 * MEMBER; i++) {
            get(till, "/api/points/purchases").then().statusCode(SC_OK);
        }
        // staff has a limit too, just a larger one; holding other roles with smaller limits does not lower it
        String staffAndMore = TestTokens.token("staff-who-markets", "member", "marketer", "staff");
        firstRejection(requestId -> get(staffAndMore, "/api/points/purchases")).assertBudget(STAFF);
    }

    @Test
    void aClientWithItsOwnLimitGetsItWhateverTheRoles() {
        // more than the member role alone would get
        String memberViaTill = ClientTokens.issuedTo("till-chain", "member-at-the-till", "member");
        firstRejection(requestId -> get(memberViaTill, "/api/points/members/me"))
                .assertBudget(TILL_CLIENT);
        // less than the staff role would get: the client limit wins
        String staffViaTill = ClientTokens.issuedTo("till-chain", "staff-at-the-till", "staff");
        firstRejection(requestId -> get(staffViaTill, "/api/points/purchases")).assertBudget(TILL_CLIENT);
        // without azp, the client_id claim names the client
        String clientIdOnly = ClientTokens.withClientIdClaim("till-chain", "till-by-client-id", "member");
        firstRejection(requestId -> get(clientIdOnly, "/api/points/purchases")).assertBudget(TILL_CLIENT);
        // a client without a limit of its own changes nothing
        String memberViaApp = ClientTokens.issuedTo("loyalty-app", "member-in-the-app", "member");
        firstRejection(requestId -> get(memberViaApp, "/api/points/members/me")).assertBudget(MEMBER);
    }

    @Test
    void rejectionsAreCountedByUpstreamAndLimiter() {
        String token = TestTokens.token("counted-member", "member");
        firstRejection(requestId -> get(token, "/api/community/posts"));
        String metrics = given().when()
                .get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("loyalty_gateway_rate_limited_total{")
                                && l.contains("upstream=\"community\"")
                                && l.contains("limiter=\"subject\"")),
                metrics);
        assertTrue(metrics.lines()
                .anyMatch(l -> l.startsWith("loyalty_gateway_requests_total{")
                        && l.contains("upstream=\"community\"")
                        && l.contains("status_class=\"4xx\"")));
    }
}
