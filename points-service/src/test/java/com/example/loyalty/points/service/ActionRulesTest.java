package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of action points: what a rule may be, what the caps leave, when a birthday is. */
class ActionRulesTest {

    @Test
    void aRuleNeedsPointsInRangeAndCapsAtLeastThePointsInOrder() {
        assertEquals(List.of(), ActionRules.problems(new ActionRules.Terms(0, null, null, null)));
        assertEquals(List.of(), ActionRules.problems(new ActionRules.Terms(30, 100L, 1000L, 5000L)));
        assertEquals(List.of(), ActionRules.problems(new ActionRules.Terms(30, 30L, 30L, 30L)));
        assertEquals(
                1,
                ActionRules.problems(new ActionRules.Terms(-1, null, null, null))
                        .size());
        assertEquals(
                1,
                ActionRules.problems(new ActionRules.Terms(1_000_001, null, null, null))
                        .size());
        assertEquals(
                List.of("dailyCap 20 is below the points 30"),
                ActionRules.problems(new ActionRules.Terms(30, 20L, null, null)));
        assertEquals(
                1,
                ActionRules.problems(new ActionRules.Terms(0, -1L, null, null)).size());
        assertEquals(
                1,
                ActionRules.problems(new ActionRules.Terms(0, null, null, 1_000_000_001L))
                        .size());
        assertEquals(
                List.of("dailyCap must not exceed monthlyCap"),
                ActionRules.problems(new ActionRules.Terms(5, 200L, 100L, null)));
        assertEquals(
                List.of("monthlyCap must not exceed yearlyCap"),
                ActionRules.problems(new ActionRules.Terms(5, null, 200L, 100L)));
        assertEquals(
                List.of("dailyCap must not exceed yearlyCap"),
                ActionRules.problems(new ActionRules.Terms(5, 200L, null, 100L)));
    }

    @Test
    void theTightestCapDecidesAndNothingGoesBelowZero() {
        assertEquals(30, ActionAwards.capped(30, null, 0, null, 0, null, 0));
        assertEquals(10, ActionAwards.capped(30, 100L, 90, 1000L, 90, null, 0));
        assertEquals(5, ActionAwards.capped(30, 100L, 0, 1000L, 995, null, 0));
        assertEquals(2, ActionAwards.capped(30, 100L, 0, 1000L, 0, 50L, 48));
        assertEquals(0, ActionAwards.capped(30, 100L, 100, null, 0, null, 0));
        assertEquals(0, ActionAwards.capped(30, 100L, 130, null, 0, null, 0), "over a cap lowered since: 0");
        assertEquals(0, ActionAwards.capped(30, 0L, 0, null, 0, null, 0));
    }

    @Test
    void aLeapDayBirthdayFallsOnTheTwentyEighthInOtherYears() {
        LocalDate leapDay = LocalDate.of(2000, 2, 29);
        assertTrue(BirthdayJob.isBirthday(leapDay, LocalDate.of(2027, 2, 28)));
        assertFalse(BirthdayJob.isBirthday(leapDay, LocalDate.of(2028, 2, 28)));
        assertTrue(BirthdayJob.isBirthday(leapDay, LocalDate.of(2028, 2, 29)));
        assertFalse(BirthdayJob.isBirthday(leapDay, LocalDate.of(2027, 3, 1)));
        assertTrue(BirthdayJob.isBirthday(LocalDate.of(1990, 12, 3), LocalDate.of(2026, 12, 3)));
        assertFalse(BirthdayJob.isBirthday(LocalDate.of(1990, 2, 28), LocalDate.of(2028, 2, 29)));
    }

    @Test
    void referralCodesAreEightUnambiguousCharacters() {
        for (int i = 0; i < 100; i++) {
            String code = ReferralService.generate();
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(c -> ReferralService.ALPHABET.indexOf(c) >= 0), code);
        }
        assertEquals("K7QZ2MHW", ReferralService.normalise(" k7qz2mhw "));
    }
}
