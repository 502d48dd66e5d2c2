package com.example.loyalty.gateway.support;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads what the {@link StubUpstreamResource} received and tells it how to behave. */
public final class Stub {

    private Stub() {}

    public static String url() {
        return ConfigProvider.getConfig().getValue(StubUpstreamResource.STUB_URL, String.class);
    }

    /** The requests the stub received with this X-Request-Id (as echo maps). */
    public static List<Map<String, Object>> requestsWith(String requestId) {
        JsonPath json = given().queryParam("requestId", requestId)
                .get(url() + "/__stub/requests")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        return json.getList("$");
    }

    /** From now on the stub's {@code /q/health/ready} answers this status. */
    public static void answerReadinessWith(int status) {
        given().queryParam("status", status)
                .put(url() + "/__stub/readiness")
                .then()
                .statusCode(SC_OK);
    }

    /** How many readiness probes the stub has answered so far. */
    public static int readinessProbes() {
        return given().get(url() + "/__stub/readiness")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("probes");
    }

    /** Closes the stub: every upstream that pointed at it is unreachable from now on. */
    public static void stop() {
        given().post(url() + "/__stub/stop").then().statusCode(SC_NO_CONTENT);
    }
}
