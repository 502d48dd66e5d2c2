package com.example.loyalty.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_TOO_MANY_REQUESTS;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.AuthenticationFailures;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The budget of an address for requests without a valid token, spent before any token is verified.
 * <p>
 * Every request of a test comes from 127.0.0.1, one address, so its budget is state shared by everything this class
 * sends: the story is told in one test, step by step, from a fresh gateway (this class has its own profile).
 */
@QuarkusTest
@TestProfile(AddressRateLimitTest.SmallAddressBudget.class)
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class AddressRateLimitTest {

    static final int BUDGET = 5;
    static final String ADDRESS_DETAIL = "Rate limit exceeded for requests without a valid token from this address";

    /** Five requests without a valid token per address, one more per second. */
    public static class SmallAddressBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.address.capacity",
                    "" + BUDGET,
                    "gateway.rate-limit.address.refill-per-second",
                    "1");
        }
    }

    @Inject
    AuthenticationFailures failures;

    private final String till = TestTokens.token("till-chain", "staff");
    private final List<String> badTokens = List.of(
            "not.a.jwt", TestTokens.expired("member-1", "member"), TestTokens.signedWithUnknownKey("admin-1", "admin"));

    private static Response get(String token, String requestId) {
        return given().auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .when()
                .get("/api/points/members/me");
    }

    private Response getWithBadToken(int i, String requestId) {
        return get(badTokens.get(i % badTokens.size()), requestId);
    }

    /** Sends a bad token (which spends a refilled token if there is one), then a valid token never seen before. */
    private int newValidTokenRightAfterABadOne(int i) {
        getWithBadToken(i, "spend-" + i);
        return get(TestTokens.token("new-" + UUID.randomUUID(), "staff"), "new-token-" + i)
                .statusCode();
    }

    private static Response getWithoutToken(String path) {
        return given().when().get(path);
    }

    @Test
    void badTokensSpendTheAddressBudgetThenAreRefusedUnverifiedWhileValidTokensGoOn() {
        // 1. valid tokens never spend the address's budget: a till chain sends three times the budget, even when
        // the service answers some with 401 itself (the gateway found the token valid) ...
        for (int i = 0; i < 3 * BUDGET; i++) {
            get(till, "till-" + i).then().statusCode(SC_OK);
        }
        for (int i = 0; i < BUDGET; i++) {
            given().auth()
                    .oauth2(till)
                    .when()
                    .get("/api/points/members/me?status=" + SC_UNAUTHORIZED)
                    .then()
                    .statusCode(SC_UNAUTHORIZED)
                    .header("X-Stub", "echo");
        }

        // 2. ... and the address still has all of it: bad tokens are verified and refused (401) until it is spent
        int failuresBefore = failures.count();
        int[] sent = {0};
        FirstRejection rejection = FirstRejection.of(
                        4 * BUDGET, SC_UNAUTHORIZED, requestId -> getWithBadToken(sent[0]++, requestId))
                .assertBudget(BUDGET);
        assertEquals(failuresBefore + rejection.passed(), failures.count(), "each 401 was one verification");
        rejection
                .response()
                .then()
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .header("X-Request-Id", startsWith("rl-"))
                .body("status", equalTo(SC_TOO_MANY_REQUESTS))
                .body("detail", equalTo(ADDRESS_DETAIL + "; retry after 1 s."))
                .body("instance", equalTo("/api/points/members/me"))
                .body("requestId", startsWith("rl-"));

        // 3. from now on even garbage is refused at once, before verification; the till's token goes on
        int verifiedBefore = failures.count();
        int letThrough = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 4 * BUDGET; i++) {
            String requestId = "flood-" + UUID.randomUUID();
            Response response = getWithBadToken(i, requestId);
            if (response.statusCode() == SC_UNAUTHORIZED) {
                letThrough++; // a token refilled meanwhile, and was spent on this one
            } else {
                response.then()
                        .statusCode(SC_TOO_MANY_REQUESTS)
                        .header("Retry-After", equalTo("1"))
                        .body("detail", startsWith(ADDRESS_DETAIL));
            }
            assertTrue(Stub.requestsWith(requestId).isEmpty());
            get(till, "till-during-flood-" + i).then().statusCode(SC_OK);
        }
        long refilled = 1 + (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(letThrough <= refilled, letThrough + " bad tokens let through, " + refilled + " can have refilled");
        assertEquals(
                verifiedBefore + letThrough, failures.count(), "the refused bad tokens never reached verification");

        // 4. a token never seen valid cannot be told from a forged one without verifying it: while the address is
        // spent it is refused too. Valid tokens do not spend the budget, so each attempt first lets a bad token
        // spend whatever refilled meanwhile; and each uses a new token (one let through would be remembered).
        int[] attempt = {0};
        await().atMost(Duration.ofSeconds(5))
                .until(() -> newValidTokenRightAfterABadOne(attempt[0]++) == SC_TOO_MANY_REQUESTS);

        // 5. requests without a token share the address's budget: refused as well ...
        await().atMost(Duration.ofSeconds(5))
                .until(() -> getWithoutToken("/openapi/points").statusCode() == SC_TOO_MANY_REQUESTS);
        // ... until a token refills: the next request without a token is let through (and answered 401), and
        // spends it, so the one right after is refused again
        await().atMost(Duration.ofSeconds(5))
                .until(() -> getWithoutToken("/api/surveys").statusCode() == SC_UNAUTHORIZED);
        getWithoutToken("/api/surveys")
                .then()
                .statusCode(SC_TOO_MANY_REQUESTS)
                .body("detail", startsWith(ADDRESS_DETAIL));

        // 6. every refusal here was the address limiter's
        String metrics = given().when()
                .get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("loyalty_gateway_rate_limited_total{")
                                && l.contains("limiter=\"address\"")
                                && l.contains("upstream=\"points\"")),
                metrics);
        assertTrue(
                metrics.lines()
                        .noneMatch(l -> l.startsWith("loyalty_gateway_rate_limited_total{")
                                && l.contains("limiter=\"subject\"")),
                metrics);
    }
}
