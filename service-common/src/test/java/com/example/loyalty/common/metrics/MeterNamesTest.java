package com.example.loyalty.common.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeterNamesTest {

    @Test
    void theServiceIsTheApplicationNameWithoutItsSuffix() {
        assertEquals("loyalty.points.outbox.pending", new MeterNames("points-service").name("outbox.pending"));
        assertEquals("loyalty.gateway.requests", new MeterNames("gateway").name("requests"));
    }
}
