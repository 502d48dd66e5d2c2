package com.example.loyalty.gateway.web;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_REQUEST_TOO_LONG;
import static org.apache.http.HttpStatus.SC_REQUEST_URI_TOO_LONG;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.RawHttp;
import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's limits with the configuration it ships (application.properties): a URL of at most 4000 characters,
 * 16K of headers, a body of 1 MB, 1 GB for history imports. Each is answered with a problem, and nothing over a limit
 * reaches a service.
 */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class RequestLimitsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int SC_HEADERS_TOO_LARGE = 431;
    private static final int MB = 1024 * 1024;

    private final String staff = TestTokens.token("till-1", "staff");
    private final String admin = TestTokens.token("admin-1", "admin");

    private static String newRequestId() {
        return "limits-" + UUID.randomUUID();
    }

    @Test
    void aUrlOverTheLimitIsAProblem414() {
        String requestId = newRequestId();
        // the services' fuzzer found their own servers answering URLs of about 5,000 characters with a bare 414
        String path = "/api/surveys?page=1&q=" + "x".repeat(5_000);
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(staff)
                .header("X-Request-Id", requestId)
                .when()
                .get(path)
                .then()
                .statusCode(SC_REQUEST_URI_TOO_LONG)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", requestId)
                .body("status", equalTo(SC_REQUEST_URI_TOO_LONG))
                .body("title", equalTo("Request-URI Too Long"))
                .body("detail", equalTo("The URL is longer than the gateway accepts (at most 4000 characters)."))
                .body("requestId", equalTo(requestId));
        assertTrue(Stub.requestsWith(requestId).isEmpty());

        // up to the limit it goes through
        String longest = "/api/surveys?q=" + "x".repeat(4_000 - "/api/surveys?q=".length());
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(staff)
                .when()
                .get(longest)
                .then()
                .statusCode(SC_OK)
                .body("query", equalTo(longest.substring("/api/surveys?".length())));
    }

    @Test
    void headersOverTheLimitAreAProblem431() {
        String requestId = newRequestId();
        given().auth()
                .oauth2(staff)
                .header("X-Request-Id", requestId)
                .header("X-Padding", "p".repeat(17 * 1024))
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_HEADERS_TOO_LARGE)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(SC_HEADERS_TOO_LARGE))
                .body("title", equalTo("Request Header Fields Too Large"))
                .body(
                        "detail",
                        equalTo("The request headers are larger than the gateway accepts (at most 16384 bytes)."))
                .body("instance", equalTo("/api/points/members/me"));
        assertTrue(Stub.requestsWith(requestId).isEmpty());

        // many headers add up as one large one does; below the limit they go through
        var spec = given().auth().oauth2(staff).header("X-Request-Id", requestId);
        for (int i = 0; i < 200; i++) {
            spec.header("X-Many-" + i, "v".repeat(100));
        }
        spec.when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_HEADERS_TOO_LARGE)
                .contentType(PROBLEM_JSON);
        // (the stub upstream is a Vert.x server with its default 8K of headers: below that)
        given().auth()
                .oauth2(staff)
                .header("X-Padding", "p".repeat(6 * 1024))
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK);
    }

    /**
     * Far beyond the gateway's limits is the HTTP server's own (quarkus.http.limits.max-initial-line-length,
     * max-header-size): Vert.x refuses there before any handler runs, with the status and no body.
     */
    @Test
    void beyondTheServersOwnLimitsVertxAnswersBare() {
        RawHttp.Answer url = RawHttp.send("GET", "/api/surveys?q=" + "x".repeat(20_000));
        assertEquals(SC_REQUEST_URI_TOO_LONG, url.status());
        RawHttp.Answer headers = RawHttp.send("GET", "/api/surveys", "X-Padding: " + "p".repeat(40 * 1024));
        assertEquals(SC_HEADERS_TOO_LARGE, headers.status());
    }

    @Test
    void aBodyOverOneMegabyteIsAProblem413BeforeAnythingIsProxied() {
        String requestId = newRequestId();
        byte[] body = json(MB + 1);
        given().auth()
                .oauth2(staff)
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_REQUEST_TOO_LONG)
                .contentType(PROBLEM_JSON)
                .header("Connection", "close")
                .body("status", equalTo(SC_REQUEST_TOO_LONG))
                .body("title", equalTo("Request Entity Too Large"))
                .body("detail", equalTo("The request body is larger than this path accepts (at most 1048576 bytes)."))
                .body("instance", equalTo("/api/points/purchases"));
        assertTrue(Stub.requestsWith(requestId).isEmpty());

        // refused before authentication too: an anonymous upload costs nothing but its headers
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/surveys/1/answers")
                .then()
                .statusCode(SC_REQUEST_TOO_LONG)
                .contentType(PROBLEM_JSON);

        // exactly the limit goes through
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(json(MB))
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_OK)
                .body("method", equalTo("POST"));
    }

    /** A body without Content-Length is counted as it streams: past the limit the call is cut and answered 413. */
    @Test
    void aChunkedBodyOverTheLimitIsCutAndAnswered413() {
        String requestId = newRequestId();
        RawHttp.Answer answer = RawHttp.send(
                "POST",
                "/api/points/purchases",
                chunked(json(MB + 1)),
                "Authorization: Bearer " + staff,
                "X-Request-Id: " + requestId,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked");
        assertEquals(SC_REQUEST_TOO_LONG, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith(PROBLEM_JSON));
        assertEquals(
                "The request body is larger than this path accepts (at most 1048576 bytes).",
                answer.json().getString("detail"));
        assertTrue(Stub.requestsWith(requestId).isEmpty(), "the service never got a whole request: the call was reset");

        // a small chunked body goes through, whole
        byte[] small = json(10_000);
        RawHttp.Answer ok = RawHttp.send(
                "POST",
                "/api/points/purchases",
                chunked(small),
                "Authorization: Bearer " + staff,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked");
        assertEquals(SC_OK, ok.status(), ok.body());
        assertEquals(new String(small, StandardCharsets.UTF_8), ok.json().getString("body"));
    }

    /** History imports have a limit of their own (gateway.limits.body-routes.points-imports): 1 GB. */
    @Test
    void importsTakeLargerBodies() {
        byte[] csv = new byte[3 * MB];
        Arrays.fill(csv, (byte) 'a');
        for (String path : List.of("/api/points/imports?kind=members", "/api/points/imports/")) {
            given().auth()
                    .oauth2(admin)
                    .contentType("text/csv")
                    .body(csv)
                    .when()
                    .post(path)
                    .then()
                    .statusCode(SC_OK)
                    .body("method", equalTo("POST"));
        }
        // the prefix is matched at a segment boundary: /api/points/importsX is an ordinary path
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/points/importsX")
                .then()
                .statusCode(SC_REQUEST_TOO_LONG);
    }

    private static byte[] json(int size) {
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The body in chunks of 16K, with the last chunk. */
    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 16 * 1024) {
            int length = Math.min(16 * 1024, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
