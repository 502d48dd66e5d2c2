package com.example.loyalty.gateway.web;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.RawHttp;
import com.example.loyalty.gateway.support.Stub;
import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paths that a gateway and a service could read differently reach no service: not its {@code /q/*} pages, not another
 * service's routes, not a route of the same service the path seems to avoid. Sent byte for byte over a socket (a
 * client library would normalise them first), with a valid admin token, so that only the path decides; the stub
 * upstream records every request it gets, by request id.
 */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class PathTraversalTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final String admin = TestTokens.token("admin-1", "admin");

    static final List<String> TRICKS = List.of(
            // encoded slashes: one segment for the gateway, three for a server that decodes before it resolves
            "/api/points/..%2F..%2Fq/metrics",
            "/api/points/..%2f..%2fq/openapi",
            "/api/points/%2e%2e%2f%2e%2e%2fq/metrics",
            "/api/points/..%2F..%2Fapi/surveys/items",
            // encoded dots, which Vert.x decodes and resolves
            "/api/points/%2e%2e/%2e%2e/q/metrics",
            "/api/points/%2E%2E/surveys/items",
            "/api/points/.%2e/.%2e/q/health",
            // plain dot segments
            "/api/points/../surveys/items",
            "/api/points/../../q/metrics",
            "/api/points/./members/me",
            "/api/points/members/me/..",
            // empty segments
            "//api/points/members/me",
            "/api//points/members/me",
            "/api/points//members/me",
            "//q/metrics",
            // backslashes, raw and encoded
            "/api/points/..\\..\\q\\metrics",
            "/api/points/%5c..%5cq/metrics",
            "/api/points/%5C%2e%2e%5Cq/metrics",
            // ';' path parameters (Tomcat, Jetty and RESTEasy read them differently), raw and encoded
            "/api/points/..;/q/metrics",
            "/api/points/members;jsessionid=1/me",
            "/api/points/members%3b/me",
            // double and overlong encoding
            "/api/points/%252e%252e/%252e%252e/q/metrics",
            "/api/points/%252F..%252Fq/metrics",
            "/api/points/%c0%ae%c0%ae/q/metrics",
            "/api/points/%e0%80%ae%e0%80%ae/q/metrics",
            // control characters, malformed escapes, fragments, not a path at all
            "/api/points/members%00/me",
            "/api/points/members%0d%0aX-Injected:%201/me",
            "/api/points/%zz/me",
            "/api/points/members/me%",
            "/api/points/members/me#/../../q/metrics",
            "http://localhost/api/points/../../q/metrics",
            "*");

    /**
     * Refused by the HTTP server's codec already (Netty validates the request line): a 400 without a body, before any
     * handler of the gateway runs, as with the server's own size limits.
     */
    static final List<String> REFUSED_BY_THE_CODEC =
            List.of("/api/points/..\\..\\q\\metrics", "/api/points/%zz/me", "/api/points/members/me%");

    @Test
    void noTrickReachesAnyService() {
        List<String> failures = new ArrayList<>();
        for (String target : TRICKS) {
            String requestId = "trick-" + UUID.randomUUID();
            RawHttp.Answer answer =
                    RawHttp.send("GET", target, "Authorization: Bearer " + admin, "X-Request-Id: " + requestId);
            boolean refused;
            if (REFUSED_BY_THE_CODEC.contains(target)) {
                refused = answer.status() == SC_BAD_REQUEST && answer.body().isEmpty();
            } else if (target.equals("*")) {
                // not a path at all: the router matches no route, the gateway answers 404
                refused = answer.status() == SC_NOT_FOUND && isProblem(answer, SC_NOT_FOUND);
            } else {
                refused = answer.status() == SC_BAD_REQUEST
                        && isProblem(answer, SC_BAD_REQUEST)
                        && answer.json().getString("detail").startsWith("The request path is not accepted: ");
            }
            if (!refused) {
                failures.add(target + " -> " + answer.status() + " " + answer.headers() + " " + answer.body());
            }
            List<Map<String, Object>> reached = Stub.requestsWith(requestId);
            if (!reached.isEmpty()) {
                failures.add(target + " reached a service as " + reached.get(0).get("path"));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static boolean isProblem(RawHttp.Answer answer, int status) {
        return String.valueOf(answer.header("Content-Type")).startsWith(PROBLEM_JSON)
                && answer.json().getInt("status") == status;
    }

    /** The same tricks without a token: refused for their path before anything else (authentication included). */
    @Test
    void trickyPathsAreRefusedBeforeAuthentication() {
        for (String target : List.of("/api/points/..%2F..%2Fq/metrics", "/api/points/%2e%2e/surveys/items")) {
            RawHttp.Answer answer = RawHttp.send("GET", target);
            assertEquals(SC_BAD_REQUEST, answer.status(), target + ": " + answer.body());
            assertTrue(answer.header("Content-Type").startsWith(PROBLEM_JSON));
        }
    }

    /** What remains is forwarded exactly as it came: percent-encoded UTF-8 and a query with any encoding. */
    @Test
    void plainPathsArePassedOnAsTheyCame() {
        String requestId = "plain-" + UUID.randomUUID();
        String target = "/api/community/tags/%E3%81%82%E3%81%84/posts?q=a%2Fb%20..%2F&next=%252e";
        RawHttp.Answer answer =
                RawHttp.send("GET", target, "Authorization: Bearer " + admin, "X-Request-Id: " + requestId);
        assertEquals(SC_OK, answer.status(), answer.body());
        assertEquals(
                "/api/community/tags/%E3%81%82%E3%81%84/posts", answer.json().getString("path"));
        assertEquals("q=a%2Fb%20..%2F&next=%252e", answer.json().getString("query"));
        assertEquals(1, Stub.requestsWith(requestId).size());

        // a single trailing slash is a plain path too
        answer = RawHttp.send("GET", "/api/surveys/", "Authorization: Bearer " + admin);
        assertEquals(SC_OK, answer.status(), answer.body());
        assertEquals("/api/surveys/", answer.json().getString("path"));
    }
}
