package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The formulas against cases computed by hand (the working is in the comments). */
class SurveyStatisticsTest {

    private static final double EXACT = 1e-9;
    private static final double HAND = 1e-4;

    @Test
    void theTextbookNps() {
        // 100 answers, 10 promoters, 5 detractors (85 passives): NPS = 10% − 5% = 5
        assertEquals(5.0, SurveyStatistics.netScore(10, 5, 100), EXACT);
        // p₊ = 0.10, p₋ = 0.05: p₊ + p₋ − (p₊ − p₋)² = 0.15 − 0.0025 = 0.1475; / n = 0.001475;
        // √0.001475 = 0.0384057; × 1.96 = 0.0752752; × 100 = 7.5275 points
        assertEquals(7.5275, SurveyStatistics.netMarginOfError(10, 5, 100), HAND);
    }

    @Test
    void onePromoterAndOneDetractor() {
        assertEquals(0.0, SurveyStatistics.netScore(1, 1, 2), EXACT);
        // p₊ = p₋ = 0.5: (1 − 0)/2 = 0.5; √0.5 = 0.707107; × 196 = 138.5929
        assertEquals(138.5929, SurveyStatistics.netMarginOfError(1, 1, 2), HAND);
    }

    @Test
    void netScoresRunFromMinusToPlusHundred() {
        assertEquals(100.0, SurveyStatistics.netScore(7, 0, 7), EXACT);
        assertEquals(-100.0, SurveyStatistics.netScore(0, 7, 7), EXACT);
        // everybody in one band: no spread at all
        assertEquals(0.0, SurveyStatistics.netMarginOfError(7, 0, 7), EXACT);
        assertEquals(0.0, SurveyStatistics.netMarginOfError(0, 0, 7), EXACT);
    }

    @Test
    void nrs() {
        // 10 answers 5,5,5,5,5,4,4,3,2,1: 5 repeaters, 2 neutrals, 3 at risk; NRS = 50% − 30% = 20
        assertEquals(20.0, SurveyStatistics.netScore(5, 3, 10), EXACT);
        // 0.5 + 0.3 − 0.2² = 0.76; / 10 = 0.076; √ = 0.275681; × 196 = 54.0335
        assertEquals(54.0335, SurveyStatistics.netMarginOfError(5, 3, 10), HAND);
    }

    @Test
    void meanAndStandardErrorOfASmallCsiSample() {
        // 70, 80, 90, 60, 100: n = 5, Σx = 400, Σx² = 4900 + 6400 + 8100 + 3600 + 10000 = 33000
        assertEquals(80.0, SurveyStatistics.mean(400, 5), EXACT);
        // s² = (5·33000 − 400²) / (5·4) = 5000 / 20 = 250; s = 15.8114
        assertEquals(15.8114, SurveyStatistics.standardDeviation(5, 400, 33_000), HAND);
        // 1.96 · 15.8114 / √5 = 1.96 · 7.0711 = 13.8593
        assertEquals(13.8593, SurveyStatistics.meanMarginOfError(5, 400, 33_000), HAND);
    }

    @Test
    void aMeanOfIdenticalAnswersHasNoSpreadAndOneAnswerHasNoStandardDeviation() {
        assertEquals(0.0, SurveyStatistics.standardDeviation(3, 150, 7_500), EXACT);
        assertNull(SurveyStatistics.standardDeviation(1, 50, 2_500));
        assertNull(SurveyStatistics.meanMarginOfError(1, 50, 2_500));
        assertThrows(IllegalArgumentException.class, () -> SurveyStatistics.standardDeviation(2, 10, 1));
    }

    @Test
    void theStandardDeviationStaysExactForLargeSums() {
        // a million answers of 99 and a million of 100: s² = (n·Σx² − (Σx)²)/(n(n−1)) with n = 2e6
        long n = 2_000_000;
        long total = 99L * 1_000_000 + 100L * 1_000_000;
        long squares = 99L * 99 * 1_000_000 + 100L * 100 * 1_000_000;
        // the population variance is 0.25; the sample variance 0.25 · n/(n−1)
        assertEquals(Math.sqrt(0.25 * n / (n - 1)), SurveyStatistics.standardDeviation(n, total, squares), EXACT);
    }

    @Test
    void cesBinaryNet() {
        // 10 answers: 3 "felt effort", 7 "no effort": net = 70% − 30% = 40
        assertEquals(40.0, SurveyStatistics.netScore(7, 3, 10), EXACT);
        // 0.7 + 0.3 − 0.4² = 0.84; / 10 = 0.084; √ = 0.289828; × 196 = 56.8062
        assertEquals(56.8062, SurveyStatistics.netMarginOfError(7, 3, 10), HAND);
    }

    @Test
    void dwbShare() {
        // 20 answers, 5 of them 1: 25%
        assertEquals(25.0, SurveyStatistics.percent(5, 20), EXACT);
        // 1.96 · √(0.25 · 0.75 / 20) · 100 = 1.96 · 0.0968246 · 100 = 18.9776
        assertEquals(18.9776, SurveyStatistics.shareMarginOfError(5, 20), HAND);
    }

    @Test
    void noAnswersNoNumbersAndNoDivisionByZero() {
        assertNull(SurveyStatistics.netScore(0, 0, 0));
        assertNull(SurveyStatistics.netMarginOfError(0, 0, 0));
        assertNull(SurveyStatistics.percent(0, 0));
        assertNull(SurveyStatistics.shareMarginOfError(0, 0));
        assertNull(SurveyStatistics.mean(0, 0));
        assertNull(SurveyStatistics.standardDeviation(0, 0, 0));
        assertNull(SurveyStatistics.meanMarginOfError(0, 0, 0));
        assertFalse(SurveyStatistics.reliable(0, 30));
    }

    @Test
    void reliableFromTheMinimumSample() {
        assertFalse(SurveyStatistics.reliable(29, 30));
        assertTrue(SurveyStatistics.reliable(30, 30));
        assertFalse(SurveyStatistics.reliable(99, 100));
        assertTrue(SurveyStatistics.reliable(100, 100));
    }
}
