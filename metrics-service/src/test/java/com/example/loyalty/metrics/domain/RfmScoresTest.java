package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.loyalty.metrics.domain.RfmScores.Measures;
import com.example.loyalty.metrics.domain.RfmScores.Scored;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RfmScoresTest {

    @Test
    void theQuintileIsCeilingOfFiveKOverN() {
        // ten members: two per score
        int[] expected = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        for (int k = 1; k <= 10; k++) {
            assertEquals(expected[k - 1], RfmScores.quintile(k, 10), "k=" + k);
        }
        // nine members: 5k/9 rounded up
        int[] nine = {1, 2, 2, 3, 3, 4, 4, 5, 5};
        for (int k = 1; k <= 9; k++) {
            assertEquals(nine[k - 1], RfmScores.quintile(k, 9), "k=" + k);
        }
        // exact at the boundaries, where a double would round: 3 of 5 is exactly 3
        assertEquals(3, RfmScores.quintile(3, 5));
        assertEquals(3, RfmScores.quintile(600_000, 1_000_000));
        assertEquals(4, RfmScores.quintile(600_001, 1_000_000));
        // a lone member is best in everything
        assertEquals(5, RfmScores.quintile(1, 1));
        assertThrows(IllegalArgumentException.class, () -> RfmScores.quintile(0, 3));
        assertThrows(IllegalArgumentException.class, () -> RfmScores.quintile(4, 3));
    }

    @Test
    void equalValuesGetEqualScoresTheScoreOfTheirLastRank() {
        // frequencies 1,1,1,1,2,3,4,5,6,7: the four 1s share rank 4 of 10 -> 2
        List<Measures> p = new ArrayList<>();
        long[] freq = {1, 1, 1, 1, 2, 3, 4, 5, 6, 7};
        for (long f : freq) {
            p.add(new Measures(UUID.randomUUID(), 10, f, f * 100));
        }
        List<Scored> s = RfmScores.scoreAll(p);
        int[] expectedF = {2, 2, 2, 2, 3, 3, 4, 4, 5, 5};
        for (int i = 0; i < freq.length; i++) {
            assertEquals(expectedF[i], s.get(i).f(), "frequency " + freq[i]);
            assertEquals(expectedF[i], s.get(i).m(), "monetary " + freq[i] * 100);
            // the same recency for everyone: all tied at rank 10 of 10
            assertEquals(5, s.get(i).r());
        }
    }

    @Test
    void fewerDaysIsTheBetterRecency() {
        List<Measures> p = List.of(m(0, 1), m(5, 1), m(5, 1), m(30, 1), m(400, 0));
        // worst first: 400 (k1), 30 (k2), 5 and 5 (k4), 0 (k5); n = 5
        List<Scored> s = RfmScores.scoreAll(p);
        assertEquals(5, s.get(0).r());
        assertEquals(4, s.get(1).r());
        assertEquals(4, s.get(2).r());
        assertEquals(2, s.get(3).r());
        assertEquals(1, s.get(4).r());
    }

    @Test
    void membersWithoutPurchaseInTheWindowScoreOneAndAreNotRanked() {
        // 2 idle members and 4 active ones with frequencies 1..4: the active are ranked among themselves
        List<Measures> p = List.of(m(400, 0), m(500, 0), m(1, 1), m(2, 2), m(3, 3), m(4, 4));
        List<Scored> s = RfmScores.scoreAll(p);
        assertEquals(1, s.get(0).f());
        assertEquals(1, s.get(0).m());
        assertEquals(1, s.get(1).f());
        assertEquals(2, s.get(2).f()); // 1 of 4 -> ceil(5/4) = 2
        assertEquals(3, s.get(3).f()); // 2 of 4 -> ceil(10/4) = 3
        assertEquals(4, s.get(4).f()); // 3 of 4 -> ceil(15/4) = 4
        assertEquals(5, s.get(5).f());
        // recency ranks all six; the idle ones are the two worst
        assertEquals(1, s.get(1).r()); // 500 days: 1 of 6
        assertEquals(2, s.get(0).r()); // 400 days: 2 of 6 -> ceil(10/6) = 2
        assertEquals(Segment.HIBERNATING, s.get(1).segment());
    }

    @Test
    void aPopulationWithoutAnyPurchaseInTheWindowScoresOne() {
        List<Scored> s = RfmScores.scoreAll(List.of(m(400, 0), m(400, 0)));
        for (Scored x : s) {
            assertEquals(5, x.r()); // tied: rank 2 of 2
            assertEquals(1, x.f());
            assertEquals(1, x.m());
            // relative scores: tied for the best recency, however old
            assertEquals(Segment.NEW, x.segment());
        }
    }

    private static Measures m(long days, long frequency) {
        return new Measures(UUID.randomUUID(), days, frequency, frequency * 1000);
    }
}
