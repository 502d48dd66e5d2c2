package com.example.loyalty.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
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

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("points", URI.create("localhost:8081")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("points", URI.create("ftp://host/")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("points", URI.create("/relative")));
    }
}
