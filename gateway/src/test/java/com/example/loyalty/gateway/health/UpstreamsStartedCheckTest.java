package com.example.loyalty.gateway.health;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every upstream points at the stub, whose own readiness answers 503 until the test says otherwise; the
 * gateway asks every 100 ms. The stub goes away at the end, so this class has its own profile (and stub).
 */
@QuarkusTest
@TestProfile(UpstreamsStartedCheckTest.FastPolling.class)
@WithTestResource(OidcKeysResource.class)
@WithTestResource(
        value = StubUpstreamResource.class,
        initArgs = @ResourceArg(name = "readiness", value = "" + SC_SERVICE_UNAVAILABLE))
class UpstreamsStartedCheckTest {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String AWAITING = "checks.find { it.name == 'upstreams-started' }.data.awaiting";
    private static final int UPSTREAMS = 4;

    public static class FastPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.readiness.poll-interval", POLL_INTERVAL.toString());
        }
    }

    private static ValidatableResponse readiness() {
        return given().when().get(ManagementInterface.url("/q/health/ready")).then();
    }

    @Test
    void readyOnceEveryServiceWasReadyAndStillReadyWhenOneGoesAwayLater() {
        // the services answer 503: once asked, and as long as they say so, the gateway is not ready and says
        // for which services it waits
        await().atMost(TIMEOUT).until(() -> Stub.readinessProbes() >= UPSTREAMS);
        await().during(POLL_INTERVAL.multipliedBy(5))
                .atMost(TIMEOUT)
                .untilAsserted(() -> readiness()
                        .statusCode(SC_SERVICE_UNAVAILABLE)
                        .body("status", equalTo("DOWN"))
                        .body(AWAITING, equalTo("points,surveys,metrics,community")));

        // they turn ready: so does the gateway, and it stops asking
        Stub.answerReadinessWith(SC_OK);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> readiness().statusCode(SC_OK).body("status", equalTo("UP")));
        int probes = Stub.readinessProbes();
        await().during(POLL_INTERVAL.multipliedBy(5)).atMost(TIMEOUT).until(() -> Stub.readinessProbes() == probes);

        // the services go away: each request is answered with 503, the gateway stays in rotation
        Stub.stop();
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body("status", equalTo(SC_SERVICE_UNAVAILABLE));
        await().during(POLL_INTERVAL.multipliedBy(5))
                .atMost(TIMEOUT)
                .untilAsserted(() -> readiness().statusCode(SC_OK).body("status", equalTo("UP")));
    }
}
