package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadrantTest {

    @Test
    void attitudeAgainstBehaviour() {
        assertEquals(Quadrant.KEEP_AND_REWARD, Quadrant.of(true, true));
        assertEquals(Quadrant.LATENT_FAN, Quadrant.of(true, false));
        assertEquals(Quadrant.TEMPORARY_FAN, Quadrant.of(false, true));
        assertEquals(Quadrant.FIX_EXPERIENCE, Quadrant.of(false, false));
        assertEquals(Quadrant.UNKNOWN, Quadrant.of(null, true));
        assertEquals(Quadrant.UNKNOWN, Quadrant.of(null, false));
    }

    @Test
    void promotersAreHighDetractorsLowPassivesAsConfigured() {
        for (int score = 0; score <= 6; score++) {
            assertFalse(Quadrant.attitudinalHigh(score, true), "detractor " + score);
        }
        assertFalse(Quadrant.attitudinalHigh(7, false));
        assertFalse(Quadrant.attitudinalHigh(8, false));
        assertTrue(Quadrant.attitudinalHigh(7, true));
        assertTrue(Quadrant.attitudinalHigh(8, true));
        assertTrue(Quadrant.attitudinalHigh(9, false));
        assertTrue(Quadrant.attitudinalHigh(10, false));
        assertThrows(IllegalArgumentException.class, () -> Quadrant.attitudinalHigh(11, false));
        assertThrows(IllegalArgumentException.class, () -> Quadrant.attitudinalHigh(-1, false));
    }

    @Test
    void namesInPathsAndConstants() {
        for (Quadrant q : Quadrant.values()) {
            assertEquals(q, Quadrant.parse(q.pathName()));
            assertEquals(q, Quadrant.parse(q.name()));
        }
        assertEquals("latent-fan", Quadrant.LATENT_FAN.pathName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quadrant.parse("fans"));
        assertTrue(e.getMessage().contains("keep-and-reward"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quadrant.parse(null));
    }
}
