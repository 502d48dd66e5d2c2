package com.example.loyalty.survey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaveTest {

    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void theWindowIsHalfOpen() {
        Wave w = wave(T0, T1, null);
        assertEquals(WaveStatus.SCHEDULED, w.statusAt(T0.minusNanos(1000)));
        assertEquals(WaveStatus.OPEN, w.statusAt(T0));
        assertEquals(WaveStatus.OPEN, w.statusAt(T1.minusNanos(1000)));
        assertEquals(WaveStatus.CLOSED, w.statusAt(T1));
    }

    @Test
    void anEarlyCloseEndsTheWindow() {
        Instant mid = Instant.parse("2026-05-01T00:00:00Z");
        Wave w = wave(T0, T1, mid);
        assertEquals(WaveStatus.CLOSED, w.statusAt(T0));
        assertEquals(mid, w.effectiveEnd());
        assertFalse(w.overlaps(mid, T1), "the rest of the window is free again");
        assertTrue(w.overlaps(mid.minusSeconds(1), T1));
        Wave cancelled = wave(T0, T1, T0.minusSeconds(60));
        assertFalse(cancelled.overlaps(T0, T1), "a wave cancelled before it opened holds no time");
    }

    @Test
    void overlapIsOfHalfOpenWindows() {
        Wave w = wave(T0, T1, null);
        assertFalse(w.overlaps(T1, T1.plusSeconds(10)), "the next window may start where this one ends");
        assertFalse(w.overlaps(T0.minusSeconds(10), T0));
        assertTrue(w.overlaps(T0.minusSeconds(10), T0.plusSeconds(1)));
        assertTrue(w.overlaps(T0.plusSeconds(10), T0.plusSeconds(20)));
    }

    private static Wave wave(Instant opens, Instant closes, Instant closedAt) {
        Wave w = new Wave();
        w.opensAt = opens;
        w.closesAt = closes;
        w.closedAt = closedAt;
        return w;
    }
}
