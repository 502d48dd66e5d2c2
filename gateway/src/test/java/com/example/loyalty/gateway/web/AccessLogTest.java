package com.example.loyalty.gateway.web;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.StubUpstreamResource;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * What the gateway writes to its logs about a request: the access log has method, path, status and request id, never
 * the query string (staff look-ups and searches may carry personal data there) and never a token; no other log line
 * has them either. Every log record of the gateway is captured while the requests run: the access log's category
 * (which the test profile keeps off the console) and the root logger's.
 */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(StubUpstreamResource.class)
class AccessLogTest {

    private static final String ACCESS_LOG = "io.quarkus.http.access-log";
    private static final String EMAIL = "hana.secret@example.com";
    private static final String PHONE = "+81 90-5555-0001";

    /** Keeps every record it is given, formatted. */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String line = record.getLoggerName() + " " + formatter.formatMessage(record);
            if (record.getThrown() != null) {
                line += " " + record.getThrown();
            }
            lines.add(line);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        List<String> accessLines(String requestId) {
            return lines.stream()
                    .filter(l -> l.startsWith(ACCESS_LOG) && l.contains("request-id=" + requestId))
                    .toList();
        }
    }

    @Test
    void neitherAQueryStringNorATokenIsEverLogged() {
        String token = TestTokens.token("staff-log-1", "staff");
        String forged = TestTokens.signedWithUnknownKey("staff-log-2", "staff");
        String[] ids = {id(), id(), id(), id(), id()};
        Capture capture = new Capture();
        List<Logger> loggers = List.of(Logger.getLogger(ACCESS_LOG), Logger.getLogger(""));
        loggers.forEach(l -> l.addHandler(capture));
        try {
            // a look-up in the query string (the old way), a look-up in the body (the new one) ...
            given().auth()
                    .oauth2(token)
                    .header("X-Request-Id", ids[0])
                    .queryParam("email", EMAIL)
                    .queryParam("phone", PHONE)
                    .when()
                    .get("/api/points/members")
                    .then()
                    .statusCode(SC_OK);
            given().auth()
                    .oauth2(token)
                    .header("X-Request-Id", ids[1])
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", EMAIL))
                    .when()
                    .post("/api/points/members/lookup")
                    .then()
                    .statusCode(SC_OK);
            // ... a forged token, no token, and a path nobody serves, each with personal data in the query
            given().auth()
                    .oauth2(forged)
                    .header("X-Request-Id", ids[2])
                    .queryParam("email", EMAIL)
                    .when()
                    .get("/api/points/members")
                    .then()
                    .statusCode(SC_UNAUTHORIZED);
            given().header("X-Request-Id", ids[3])
                    .queryParam("phone", PHONE)
                    .when()
                    .get("/api/points/members")
                    .then()
                    .statusCode(SC_UNAUTHORIZED);
            given().auth()
                    .oauth2(token)
                    .header("X-Request-Id", ids[4])
                    .queryParam("email", EMAIL)
                    .when()
                    .get("/api/nobody/members")
                    .then()
                    .statusCode(SC_NOT_FOUND);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String id : ids) {
                    assertEquals(1, capture.accessLines(id).size(), "one access log line for " + id);
                }
            });
        } finally {
            loggers.forEach(l -> l.removeHandler(capture));
        }

        assertTrue(
                capture.accessLines(ids[0]).get(0).contains("\"GET /api/points/members HTTP/1.1\" 200"),
                capture.accessLines(ids[0]).get(0));
        assertTrue(capture.accessLines(ids[1]).get(0).contains("\"POST /api/points/members/lookup HTTP/1.1\" 200"));
        assertTrue(capture.accessLines(ids[2]).get(0).contains("\"GET /api/points/members HTTP/1.1\" 401"));
        assertTrue(capture.accessLines(ids[4]).get(0).contains("\"GET /api/nobody/members HTTP/1.1\" 404"));
        for (String line : capture.lines) {
            for (String secret : List.of(
                    EMAIL,
                    "hana.secret",
                    "90-5555-0001",
                    "5555",
                    token,
                    forged,
                    token.substring(token.lastIndexOf('.') + 1),
                    forged.substring(forged.lastIndexOf('.') + 1),
                    "Bearer",
                    "email=",
                    "phone=")) {
                assertFalse(line.contains(secret), "'" + secret + "' was logged: " + line);
            }
        }
    }

    private static String id() {
        return "log-" + UUID.randomUUID();
    }
}
