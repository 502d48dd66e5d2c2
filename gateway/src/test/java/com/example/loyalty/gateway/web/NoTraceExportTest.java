package com.example.loyalty.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.observability.tracing.UnexportedSpans;
import com.example.loyalty.testing.OidcKeysResource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without an OTLP endpoint, the only span exporter is the one that drops spans: Quarkus installs no OTLP exporter. */
@QuarkusTest
@WithTestResource(OidcKeysResource.class)
class NoTraceExportTest {

    @Test
    void withoutAnEndpointSpansAreDropped() {
        List<Class<?>> exporters = Arc.container().select(SpanExporter.class).stream()
                .<Class<?>>map(Object::getClass)
                .toList();
        assertEquals(List.of(UnexportedSpans.class), exporters);
    }
}
