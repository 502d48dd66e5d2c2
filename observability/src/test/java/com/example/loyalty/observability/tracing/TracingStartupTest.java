package com.example.loyalty.observability.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TracingStartupTest {

    @Test
    void quarkusDefaultEndpointIsNoEndpoint() {
        assertEquals(Optional.empty(), TracingStartup.endpoint(config(Map.of())));
        assertEquals(
                Optional.empty(),
                TracingStartup.endpoint(config(Map.of(UnexportedSpans.TRACES_ENDPOINT, "http://localhost:4317/"))));
        assertTrue(TracingStartup.describe(config(Map.of())).contains("spans not exported"));
    }

    @Test
    void aConfiguredEndpointIsWhereSpansGo() {
        SmallRyeConfig config =
                config(Map.of(UnexportedSpans.TRACES_ENDPOINT, "http://otel-collector.monitoring:4317"));
        assertEquals(Optional.of("http://otel-collector.monitoring:4317"), TracingStartup.endpoint(config));
        assertTrue(TracingStartup.describe(config)
                .endsWith("exported over OTLP to http://otel-collector.monitoring:4317"));
        assertTrue(UnexportedSpans.isConfigured("http://localhost:4317"), "a local collector, without the slash");
    }

    @Test
    void aDisabledSdkSaysSo() {
        assertTrue(TracingStartup.describe(config(Map.of("quarkus.otel.sdk.disabled", "true")))
                .contains("SDK disabled"));
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }
}
