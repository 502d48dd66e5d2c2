package com.example.loyalty.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamTest {

    @Test
    void parsesHostPortSchemeAndBasePath() {
        assertEquals(
                new Upstream("points", "localhost", 8081, false, ""),
                Upstream.of("points", URI.create("http://localhost:8081")));
        assertEquals(
                new Upstream("points", "points-service", 80, false, ""),
                Upstream.of("points", URI.create("http://points-service/")));
        assertEquals(
                new Upstream("points", "api.example.com", 443, true, "/loyalty"),
                Upstream.of("points", URI.create("https://api.example.com/loyalty/")));
    }

    /**
     * A service's readiness is asked on its management interface: the URL set for it, else its own host on the
     * default management port, plain HTTP, whatever the API's scheme and path.
     */
    @Test
    void theManagementInterfaceIsTheOneSetElseTheServicesHostOnTheManagementPort() {
        assertEquals(
                new Upstream("points", "localhost", 9081, false, ""),
                Upstream.management(
                        "points",
                        URI.create("http://localhost:8081"),
                        Optional.of(URI.create("http://localhost:9081")),
                        9000));
        assertEquals(
                new Upstream("points", "points-service", 9000, false, ""),
                Upstream.management("points", URI.create("https://points-service:8443/base"), Optional.empty(), 9000));
        IllegalArgumentException wrong = assertThrows(
                IllegalArgumentException.class,
                () -> Upstream.management(
                        "points",
                        URI.create("http://localhost:8081"),
                        Optional.of(URI.create("localhost:9081")),
                        9000));
        assertEquals(
                "gateway.readiness.upstreams.points must be an http(s) URL, got 'localhost:9081'", wrong.getMessage());
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("points", URI.create("localhost:8081")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("points", URI.create("ftp://host/")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("points", URI.create("/relative")));
    }
}
