package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The selector grammar of the compare endpoint and the rule that the two sides share no answer. */
class ComparisonSelectorTest {

    private static final String WAVE = "4B0C3C7E-2D5F-4A8E-9A43-0F1F2B6C9D10";

    @Test
    void everyKindOfTerm() {
        ComparisonSelector wave = ComparisonSelector.parse("wave:" + WAVE);
        assertEquals(Breakdown.WAVE, wave.by());
        assertEquals(WAVE.toLowerCase(), wave.value());
        assertNull(wave.from());
        assertEquals("wave:" + WAVE.toLowerCase(), wave.canonical());

        assertEquals(
                new ComparisonSelector(Breakdown.TIER, "GOLD", null, null), ComparisonSelector.parse(" Tier : GOLD "));
        assertEquals(
                new ComparisonSelector(Breakdown.STORE, "S001", null, null), ComparisonSelector.parse("store:S001"));
        assertEquals(
                new ComparisonSelector(Breakdown.CHANNEL, "APP", null, null), ComparisonSelector.parse("CHANNEL:APP"));

        ComparisonSelector quarter = ComparisonSelector.parse("period:2026-01-01..2026-03-31");
        assertNull(quarter.by());
        assertEquals(LocalDate.of(2026, 1, 1), quarter.from());
        assertEquals(LocalDate.of(2026, 3, 31), quarter.to());
        assertEquals("period:2026-01-01..2026-03-31", quarter.canonical());

        ComparisonSelector day = ComparisonSelector.parse("period:2026-03-10");
        assertEquals(LocalDate.of(2026, 3, 10), day.from());
        assertEquals(LocalDate.of(2026, 3, 10), day.to());

        ComparisonSelector since = ComparisonSelector.parse("period:2026-04-01..");
        assertEquals(LocalDate.of(2026, 4, 1), since.from());
        assertNull(since.to());
        assertEquals("period:2026-04-01..", since.canonical());
        assertNull(ComparisonSelector.parse("period:..2026-03-31").from());
    }

    @Test
    void aBreakdownValueWithAPeriod() {
        ComparisonSelector s = ComparisonSelector.parse("period:2026-01-01..2026-03-31,tier:GOLD");
        assertEquals(
                new ComparisonSelector(Breakdown.TIER, "GOLD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), s);
        // canonical: breakdown first
        assertEquals("tier:GOLD,period:2026-01-01..2026-03-31", s.canonical());
        assertEquals(s, ComparisonSelector.parse(s.canonical()));
    }

    @Test
    void badSelectors() {
        String[] bad = {
            "",
            "  ",
            "GOLD",
            ":GOLD",
            "tier:",
            "colour:red",
            "all:x",
            "wave:not-a-uuid",
            "wave:1-1-1-1-1",
            "tier:GOLD,store:S001",
            "tier:GOLD,tier:SILVER",
            "tier:GOLD,",
            "period:2026-03-31..2026-01-01",
            "period:..",
            "period:2026-02-30..2026-03-31",
            "period:2026-1-1..2026-03-31",
            "period:01/01/2026..2026-03-31",
            "period:2026-01-01..2026-03-31..",
            "period:2026-01-01,period:2026-02-01",
            "tier:" + "X".repeat(ComparisonSelector.MAX_LENGTH)
        };
        for (String text : bad) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ComparisonSelector.parse(text), text);
            assertTrue(!e.getMessage().isBlank(), text);
        }
        assertEquals(
                "wave 'not-a-uuid' is not a UUID",
                assertThrows(IllegalArgumentException.class, () -> ComparisonSelector.parse("wave:not-a-uuid"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComparisonSelector.parse(null));
    }

    @Test
    void sidesThatShareNoAnswer() {
        disjoint("wave:" + WAVE, "wave:9e7d1a52-6c1b-4f0e-8d3a-2b5c7e9f1a24");
        disjoint("tier:GOLD", "tier:SILVER");
        disjoint("store:S001", "store:S002");
        disjoint("channel:APP", "channel:STORE");
        disjoint("period:2026-01-01..2026-03-31", "period:2026-04-01..2026-06-30");
        disjoint("period:..2026-03-31", "period:2026-04-01..");
        // one tier in two quarters; two tiers in one quarter
        disjoint("tier:GOLD,period:2026-01-01..2026-03-31", "tier:GOLD,period:2026-04-01..2026-06-30");
        disjoint("tier:GOLD,period:2026-01-01..2026-03-31", "tier:SILVER,period:2026-01-01..2026-03-31");
    }

    @Test
    void sidesThatMayShareAnswers() {
        // the same selector twice, also written differently
        shared("wave:" + WAVE, "wave:" + WAVE.toLowerCase(), "the same answers");
        shared("period:2026-01-01..2026-03-31", "period:2026-01-01..2026-03-31", "the same answers");
        // different dimensions: a GOLD member may answer in store S001
        shared("tier:GOLD", "store:S001", "same dimension");
        shared("wave:" + WAVE, "period:2026-01-01..2026-03-31", "same dimension");
        // overlapping periods (the last day of one is the first of the other), open ends
        shared("period:2026-01-01..2026-03-31", "period:2026-03-31..2026-06-30", "overlap");
        shared("period:2026-01-01..", "period:2026-06-01..2026-06-30", "overlap");
        shared("tier:GOLD", "tier:GOLD,period:2026-01-01..2026-03-31", "overlap");
    }

    private static void disjoint(String a, String b) {
        ComparisonSelector sa = ComparisonSelector.parse(a);
        ComparisonSelector sb = ComparisonSelector.parse(b);
        assertDoesNotThrow(() -> ComparisonSelector.requireDisjoint(sa, sb), a + " / " + b);
        assertDoesNotThrow(() -> ComparisonSelector.requireDisjoint(sb, sa), b + " / " + a);
    }

    private static void shared(String a, String b, String message) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ComparisonSelector.requireDisjoint(ComparisonSelector.parse(a), ComparisonSelector.parse(b)),
                a + " / " + b);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
