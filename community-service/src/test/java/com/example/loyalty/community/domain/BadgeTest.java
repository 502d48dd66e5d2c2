package com.example.loyalty.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadgeTest {

    @Test
    void noContributionsNoBadges() {
        assertEquals(List.of(), Badge.of(false, Map.of()));
        assertEquals(List.of(Badge.AMBASSADOR), Badge.of(true, Map.of()));
    }

    @Test
    void thresholdsAreMetExactly() {
        assertEquals(
                List.of(Badge.FIRST_POST),
                Badge.of(
                        false,
                        Map.of(
                                ContributionKind.POST,
                                1L,
                                ContributionKind.REVIEW,
                                (long) Badge.REVIEWER_REVIEWS - 1,
                                ContributionKind.ANSWER,
                                50L,
                                ContributionKind.REACTION_RECEIVED,
                                500L)));
        assertEquals(
                List.of(
                        Badge.AMBASSADOR,
                        Badge.FIRST_POST,
                        Badge.FIRST_ACCEPTED_ANSWER,
                        Badge.REVIEWER,
                        Badge.HELPFUL,
                        Badge.EVENT_GOER),
                Badge.of(
                        true,
                        Map.of(
                                ContributionKind.POST,
                                3L,
                                ContributionKind.ACCEPTED_ANSWER,
                                (long) Badge.HELPFUL_ACCEPTED,
                                ContributionKind.REVIEW,
                                (long) Badge.REVIEWER_REVIEWS,
                                ContributionKind.EVENT_ATTENDED,
                                1L)));
        assertEquals(
                List.of(Badge.FIRST_ACCEPTED_ANSWER),
                Badge.of(false, Map.of(ContributionKind.ACCEPTED_ANSWER, (long) Badge.HELPFUL_ACCEPTED - 1)));
    }
}
