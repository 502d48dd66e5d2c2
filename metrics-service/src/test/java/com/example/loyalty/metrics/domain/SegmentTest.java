package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentTest {

    /**
     * The segment of every score combination, written out cell by cell from the product's table (first match of
     * Champions 4–5/4–5/4–5; Can't lose them 1/4–5/4–5; Loyal 2–5/3–5/3–5; At risk 1–2/2–5/2–5; New 4–5/1/1; Promising
     * 3–4/1/1; Potential loyalist 3–5/1–3/1–3; Need attention 2–3/2–3/2–3; About to sleep 2–3/1–2/1–2; Hibernating
     * 1–2/1–2/1–2; Lost 1/1/1; Others): one block per R, one line per F, one column per M.
     */
    private static final String[] GRID = {
        // R = 1      M: 1  2  3  4  5
        "HI HI OT OT OT", // F = 1
        "HI AR AR AR AR", // F = 2
        "OT AR AR AR AR", // F = 3
        "OT AR AR CL CL", // F = 4
        "OT AR AR CL CL", // F = 5
        // R = 2
        "AS AS OT OT OT",
        "AS AR AR AR AR",
        "OT AR LO LO LO",
        "OT AR LO LO LO",
        "OT AR LO LO LO",
        // R = 3
        "PR PL PL OT OT",
        "PL PL PL OT OT",
        "PL PL LO LO LO",
        "OT OT LO LO LO",
        "OT OT LO LO LO",
        // R = 4
        "NE PL PL OT OT",
        "PL PL PL OT OT",
        "PL PL LO LO LO",
        "OT OT LO CH CH",
        "OT OT LO CH CH",
        // R = 5
        "NE PL PL OT OT",
        "PL PL PL OT OT",
        "PL PL LO LO LO",
        "OT OT LO CH CH",
        "OT OT LO CH CH",
    };

    private static final Map<String, Segment> CODES = Map.ofEntries(
            Map.entry("CH", Segment.CHAMPIONS),
            Map.entry("CL", Segment.CANT_LOSE_THEM),
            Map.entry("LO", Segment.LOYAL),
            Map.entry("AR", Segment.AT_RISK),
            Map.entry("NE", Segment.NEW),
            Map.entry("PR", Segment.PROMISING),
            Map.entry("PL", Segment.POTENTIAL_LOYALIST),
            Map.entry("NA", Segment.NEED_ATTENTION),
            Map.entry("AS", Segment.ABOUT_TO_SLEEP),
            Map.entry("HI", Segment.HIBERNATING),
            Map.entry("LS", Segment.LOST),
            Map.entry("OT", Segment.OTHERS));

    private static Segment expected(int r, int f, int m) {
        String code = GRID[(r - 1) * 5 + (f - 1)].split(" ")[m - 1];
        return CODES.get(code);
    }

    @Test
    void everyCombinationHasTheSegmentOfTheTable() {
        int checked = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertEquals(expected(r, f, m), Segment.of(r, f, m), "R" + r + " F" + f + " M" + m);
                    checked++;
                }
            }
        }
        assertEquals(125, checked);
    }

    @Test
    void theLookupTableOfTheRecomputeIsTheSameTable() {
        String[] table = Segment.lookupTable();
        assertEquals(125, table.length);
        String[] expected = new String[125];
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    // the SQL indexes it 1-based: (r - 1) * 25 + (f - 1) * 5 + m
                    expected[(r - 1) * 25 + (f - 1) * 5 + m - 1] =
                            expected(r, f, m).name();
                }
            }
        }
        assertArrayEquals(expected, table);
    }

    @Test
    void needAttentionAndLostAreShadowedByTheOrderOfTheTable() {
        Set<Segment> reached = EnumSet.noneOf(Segment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    reached.add(Segment.of(r, f, m));
                }
            }
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(Segment.NEED_ATTENTION, Segment.LOST)), reached);
        // they do contain cells, others just come first
        assertEquals(true, Segment.LOST.contains(1, 1, 1));
        assertEquals(true, Segment.NEED_ATTENTION.contains(2, 2, 2));
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Segment.of(0, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(3, 6, 3));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(3, 3, -1));
    }

    @Test
    void namesAreParsedInAnyCaseWithDashesOrSpaces() {
        assertEquals(Segment.AT_RISK, Segment.parse("at_risk"));
        assertEquals(Segment.AT_RISK, Segment.parse("At-Risk"));
        assertEquals(Segment.CANT_LOSE_THEM, Segment.parse("Can't lose them"));
        assertEquals(Segment.CHAMPIONS, Segment.parse(" CHAMPIONS "));
        assertNull(Segment.parse("vip"));
        assertNull(Segment.parse(""));
        assertNull(Segment.parse(null));
    }
}
