package com.example.loyalty.gateway.web;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.gateway.support.OtlpCollectorStub;
import com.example.loyalty.observability.tracing.UnexportedSpans;
import com.example.loyalty.testing.OidcKeysResource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured, the gateway's spans are exported there (the tests of the other classes run without
 * one: their spans go nowhere, and nothing tries Quarkus' default endpoint on localhost:4317).
 */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
@WithTestResource(OtlpCollectorStub.class)
class TraceExportTest {

    @Test
    void spansOfARequestAreExportedToTheConfiguredEndpoint() {
        assertTrue(
                Arc.container().select(SpanExporter.class).stream().noneMatch(UnexportedSpans.class::isInstance),
                "with an endpoint, spans are not dropped");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        given().header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_UNAUTHORIZED);

        byte[] rawTraceId = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> OtlpCollectorStub.EXPORTS.stream().anyMatch(body -> contains(body, rawTraceId)));
    }

    private static boolean contains(Buffer body, byte[] bytes) {
        byte[] all = body.getBytes();
        outer:
        for (int i = 0; i + bytes.length <= all.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (all[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
