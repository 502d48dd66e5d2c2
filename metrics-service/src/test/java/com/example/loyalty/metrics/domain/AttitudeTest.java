package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.metrics.domain.Attitude.Basis;
import org.junit.jupiter.api.Test;

/** How what a member says (survey) and shows (community) combine into their attitudinal level. */
class AttitudeTest {

    private static final int ATTACHED = 20;

    @Test
    void withoutCommunityEngagementTheAnswerDecidesAsBefore() {
        assertEquals(new Attitude(true, Basis.SURVEY), Attitude.of(10, false, 0, ATTACHED));
        assertEquals(new Attitude(true, Basis.SURVEY), Attitude.of(9, false, 19, ATTACHED));
        assertEquals(new Attitude(false, Basis.SURVEY), Attitude.of(8, false, 19, ATTACHED));
        assertEquals(new Attitude(true, Basis.SURVEY), Attitude.of(8, true, 0, ATTACHED));
        assertEquals(new Attitude(false, Basis.SURVEY), Attitude.of(0, true, 0, ATTACHED));
        assertEquals(Attitude.UNKNOWN, Attitude.of(null, false, 0, ATTACHED));
        assertEquals(Attitude.UNKNOWN, Attitude.of(null, false, 19, ATTACHED), "engaged, but not attached");
    }

    @Test
    void anAttachedContributorIsHighWithoutAnAnswerOrWithAPassiveOne() {
        assertEquals(new Attitude(true, Basis.COMMUNITY), Attitude.of(null, false, 20, ATTACHED));
        assertEquals(new Attitude(true, Basis.COMMUNITY), Attitude.of(7, false, 50, ATTACHED));
        assertEquals(new Attitude(true, Basis.COMMUNITY), Attitude.of(8, false, 20, ATTACHED));
        // a promoter is high by what they said; the community adds nothing
        assertEquals(new Attitude(true, Basis.SURVEY), Attitude.of(10, false, 500, ATTACHED));
    }

    @Test
    void aDetractorAnswerWinsOverAnyEngagement() {
        for (int score = 0; score <= 6; score++) {
            assertEquals(new Attitude(false, Basis.SURVEY), Attitude.of(score, false, 1_000, ATTACHED), "" + score);
            assertEquals(new Attitude(false, Basis.SURVEY), Attitude.of(score, true, 1_000, ATTACHED), "" + score);
        }
    }

    @Test
    void anAttachedScoreOfZeroKeepsTheCommunityOut() {
        assertEquals(Attitude.UNKNOWN, Attitude.of(null, false, 1_000, 0));
        assertEquals(new Attitude(false, Basis.SURVEY), Attitude.of(7, false, 1_000, 0));
    }
}
