package com.example.loyalty.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.loyalty.gateway.config.Upstream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The check without Quarkus: what the configuration switches, before any upstream is asked. */
class UpstreamsStartedCheckConfigTest {

    /** Nothing listens on port 1: were the upstream awaited, the check would stay DOWN. */
    private static final List<Upstream> UPSTREAMS = List.of(Upstream.of("points", URI.create("http://127.0.0.1:1")));

    @Test
    void withoutAwaitingUpstreamsReadinessIsUpAtOnce() {
        UpstreamsStartedCheck check =
                new UpstreamsStartedCheck(null, UPSTREAMS, false, Duration.ofSeconds(1), Duration.ofSeconds(1));
        check.start(null);
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
    }

    @Test
    void awaitedUpstreamsAreListedUntilSeenReady() {
        UpstreamsStartedCheck check =
                new UpstreamsStartedCheck(null, UPSTREAMS, true, Duration.ofSeconds(1), Duration.ofSeconds(1));
        HealthCheckResponse response = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("points", response.getData().orElseThrow().get("awaiting"));
    }

    @Test
    void nonsensicalIntervalsAreRejectedAtStartup() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UpstreamsStartedCheck(null, UPSTREAMS, true, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UpstreamsStartedCheck(null, UPSTREAMS, true, Duration.ofSeconds(1), Duration.ZERO));
    }
}
