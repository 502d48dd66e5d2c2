package com.example.loyalty.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;

/** Reads what the {@link StubUpstreamResource} received. */
public final class Stub {

    private Stub() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue(StubUpstreamResource.STUB_URL, String.class);
    }

    /** The requests the stub received with this X-Request-Id (as echo maps). */
    public static List<Map<String, Object>> requestsWith(String requestId) {
        JsonPath json = given().queryParam("requestId", requestId)
                .get(url() + "/__stub/requests")
                .then().statusCode(200)
                .extract().jsonPath();
        return json.getList("$");
    }
}
