package com.example.loyalty.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.MonitoringQueries;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard and the alert rules read from the gateway is exported (see
 * {@link MonitoringQueries}; the services check theirs in their HealthTest).
 */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class MonitoringMetricsTest {

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() {
        given().auth()
                .oauth2(TestTokens.token("member-1", "member"))
                .when()
                .get("/api/surveys/counted")
                .then()
                .statusCode(SC_OK);
        given().when().get("/api/surveys/counted").then().statusCode(SC_UNAUTHORIZED);

        assertEquals(
                List.of(),
                MonitoringQueries.missing("gateway", false, MonitoringQueries.scrape()),
                "read by k8s/components/monitoring, not exported by the gateway");
    }

    @Test
    void theRequestTimerHasTheHistogramBuckets() {
        given().auth()
                .oauth2(TestTokens.token("member-1", "member"))
                .when()
                .get("/api/surveys/counted")
                .then()
                .statusCode(SC_OK);
        List<String> buckets = MonitoringQueries.scrape()
                .lines()
                .filter(l ->
                        l.startsWith("http_server_requests_seconds_bucket{") && l.contains("uri=\"/api/surveys/*\""))
                .filter(l -> l.contains("status=\"200\""))
                .map(l -> l.replaceFirst(".*le=\"([^\"]+)\".*", "$1"))
                .toList();
        assertEquals(
                List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"),
                buckets);
    }
}
