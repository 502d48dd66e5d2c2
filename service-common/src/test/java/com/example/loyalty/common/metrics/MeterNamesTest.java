package com.example.loyalty.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeterNamesTest {

    @Test
    void theServiceIsTheApplicationNameWithoutItsSuffix() {
        assertEquals("loyalty.points.outbox.pending", new MeterNames("points-service").name("outbox.pending"));
        assertEquals("loyalty.gateway.requests", new MeterNames("gateway").name("requests"));
    }
}
