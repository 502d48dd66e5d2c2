package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.QuestionType;
import org.junit.jupiter.api.Test;

/**
 * The significance test of a change between two sides, against cases worked by hand (the working is in the
 * comments; Φ values from a normal table).
 */
class ComparisonMathTest {

    private static final double EXACT = 1e-9;
    private static final double HAND = 1e-4;

    /**
     * The worked example. Wave A: 200 answers, 90 promoters, 60 passives, 50 detractors. Wave B: 250 answers, 130
     * promoters, 70 passives, 50 detractors.
     */
    @Test
    void theWorkedNpsExample() {
        QuestionMetric a = nps(90, 60, 50);
        QuestionMetric b = nps(130, 70, 50);

        // A: p₊ = 90/200 = 0.45, p₋ = 50/200 = 0.25: NPS = 45 − 25 = 20
        assertEquals(20.0, a.score(), EXACT);
        // Var_A = (p₊ + p₋ − (p₊ − p₋)²)/n = (0.45 + 0.25 − 0.20²)/200 = 0.66/200 = 0.0033, × 100² = 33 points²
        assertEquals(33.0, a.variance(), EXACT);
        // its own margin: 1.96 · √33 = 1.96 · 5.744563 = 11.2593
        assertEquals(11.2593, a.marginOfError(), HAND);

        // B: p₊ = 130/250 = 0.52, p₋ = 50/250 = 0.20: NPS = 52 − 20 = 32
        assertEquals(32.0, b.score(), EXACT);
        // Var_B = (0.52 + 0.20 − 0.32²)/250 = (0.72 − 0.1024)/250 = 0.6176/250 = 0.0024704, × 100² = 24.704 points²
        assertEquals(24.704, b.variance(), EXACT);
        // its own margin: 1.96 · √24.704 = 1.96 · 4.970312 = 9.7418
        assertEquals(9.7418, b.marginOfError(), HAND);

        QuestionComparison c = QuestionComparison.of(a, b, 0.05);
        assertTrue(c.comparable());
        assertNull(c.reason());
        assertEquals(QuestionComparison.Form.NET, c.form());
        ComparisonMath.Difference d = c.difference();
        // difference b − a = 32 − 20 = 12 points
        assertEquals(12.0, d.difference(), EXACT);
        // Var = Var_A + Var_B = 33 + 24.704 = 57.704; SE = √57.704 = 7.596315
        assertEquals(57.704, d.variance(), EXACT);
        assertEquals(7.5963, d.standardError(), HAND);
        // z = 12 / 7.596315 = 1.579713
        assertEquals(1.5797, d.z(), HAND);
        // Φ(1.5797) = 0.942914, so p = 2 · (1 − 0.942914) = 2 · 0.057086 = 0.114173
        assertEquals(0.1142, d.pValue(), HAND);
        // margin = z₀.₉₇₅ · SE = 1.959964 · 7.596315 = 14.8885; interval 12 ± 14.8885 = −2.8885 .. 26.8885
        assertEquals(14.8885, d.marginOfError(), HAND);
        assertEquals(-2.8885, d.low(), HAND);
        assertEquals(26.8885, d.high(), HAND);
        // p = 0.114 ≥ 0.05 and the interval holds 0: twelve points up is not significant at this sample size
        assertFalse(d.significant());
    }

    @Test
    void theSameSharesFromFourTimesTheAnswersAreSignificant() {
        // A: 360/240/200 of 800, B: 520/280/200 of 1000: the same shares, so each variance is a quarter:
        // 33/4 + 24.704/4 = 8.25 + 6.176 = 14.426; SE = 3.798157; z = 12/3.798157 = 3.159427
        ComparisonMath.Difference d = QuestionComparison.of(nps(360, 240, 200), nps(520, 280, 200), 0.05)
                .difference();
        assertEquals(14.426, d.variance(), EXACT);
        assertEquals(3.7982, d.standardError(), HAND);
        assertEquals(3.1594, d.z(), HAND);
        // 1 − Φ(3.1594) = 0.000790; p = 0.001581
        assertEquals(0.001581, d.pValue(), 1e-6);
        // margin 1.959964 · 3.798157 = 7.4443
        assertEquals(7.4443, d.marginOfError(), HAND);
        assertTrue(d.significant());
    }

    @Test
    void aChangeOfMeans() {
        // CSI A: 70, 80, 90, 60, 100: mean 80, s² = 250 (see SurveyStatisticsTest), Var = s²/n = 50
        // CSI B: 90, 95, 100, 85, 80: mean 90, deviations 0, 5, 10, −5, −10: s² = 250/4 = 62.5, Var = 12.5
        QuestionMetric a = mean(QuestionType.CSI, 70, 80, 90, 60, 100);
        QuestionMetric b = mean(QuestionType.CSI, 90, 95, 100, 85, 80);
        assertEquals(50.0, a.variance(), EXACT);
        assertEquals(12.5, b.variance(), EXACT);
        QuestionComparison c = QuestionComparison.of(a, b, 0.05);
        assertEquals(QuestionComparison.Form.MEAN, c.form());
        ComparisonMath.Difference d = c.difference();
        // diff = 10; SE = √62.5 = 7.905694; z = 1.264911; p = 2 · (1 − Φ(1.2649)) = 2 · 0.102952 = 0.205903
        assertEquals(10.0, d.difference(), EXACT);
        assertEquals(7.9057, d.standardError(), HAND);
        assertEquals(1.2649, d.z(), HAND);
        assertEquals(0.2059, d.pValue(), HAND);
        // margin 1.959964 · 7.905694 = 15.4949
        assertEquals(15.4949, d.marginOfError(), HAND);
        assertFalse(d.significant());
    }

    @Test
    void aChangeOfAShare() {
        // DWB A: 5 of 20 answers are 1 (25%): Var = 0.25 · 0.75 / 20 · 100² = 93.75
        // DWB B: 20 of 40 (50%): Var = 0.5 · 0.5 / 40 · 100² = 62.5
        QuestionMetric a = dwb(5, 20);
        QuestionMetric b = dwb(20, 40);
        assertEquals(93.75, a.variance(), EXACT);
        assertEquals(62.5, b.variance(), EXACT);
        QuestionComparison c = QuestionComparison.of(a, b, 0.05);
        assertEquals(QuestionComparison.Form.SHARE, c.form());
        ComparisonMath.Difference d = c.difference();
        // diff = 25 points; SE = √156.25 = 12.5; z = 2; p = 2 · (1 − Φ(2)) = 2 · 0.022750 = 0.045500
        assertEquals(25.0, d.difference(), EXACT);
        assertEquals(12.5, d.standardError(), EXACT);
        assertEquals(2.0, d.z(), EXACT);
        assertEquals(0.0455, d.pValue(), HAND);
        // significant at 5 % (margin 1.959964 · 12.5 = 24.4995 < 25), not at 1 % (2.575829 · 12.5 = 32.1979)
        assertEquals(24.4995, d.marginOfError(), HAND);
        assertTrue(d.significant());
        ComparisonMath.Difference strict = QuestionComparison.of(a, b, 0.01).difference();
        assertEquals(0.0455, strict.pValue(), HAND);
        assertEquals(32.1979, strict.marginOfError(), HAND);
        assertFalse(strict.significant());
    }

    @Test
    void theSignIsBMinusAAndThePValueIsSymmetric() {
        ComparisonMath.Difference up = ComparisonMath.difference(20, 33, 32, 24.704, 0.05);
        ComparisonMath.Difference down = ComparisonMath.difference(32, 24.704, 20, 33, 0.05);
        assertEquals(12.0, up.difference(), EXACT);
        assertEquals(-12.0, down.difference(), EXACT);
        assertEquals(-up.z(), down.z(), EXACT);
        assertEquals(up.pValue(), down.pValue(), EXACT);
    }

    @Test
    void withoutAnySpreadThePValueIsOneForEqualScoresAndZeroOtherwise() {
        // every answer a promoter on both sides: 100 vs 100, both variances 0
        ComparisonMath.Difference same =
                QuestionComparison.of(nps(40, 0, 0), nps(60, 0, 0), 0.05).difference();
        assertEquals(0.0, same.difference(), EXACT);
        assertEquals(0.0, same.standardError(), EXACT);
        assertEquals(0.0, same.marginOfError(), EXACT);
        assertNull(same.z());
        assertEquals(1.0, same.pValue(), EXACT);
        assertFalse(same.significant());
        // all promoters against all detractors: 100 vs −100
        ComparisonMath.Difference apart =
                QuestionComparison.of(nps(40, 0, 0), nps(0, 0, 60), 0.05).difference();
        assertEquals(-200.0, apart.difference(), EXACT);
        assertNull(apart.z());
        assertEquals(0.0, apart.pValue(), EXACT);
        assertTrue(apart.significant());
        // one side without spread is an ordinary test: 100 (Var 0) vs 20 (Var 33 as above)
        ComparisonMath.Difference one =
                QuestionComparison.of(nps(40, 0, 0), nps(90, 60, 50), 0.05).difference();
        assertEquals(33.0, one.variance(), EXACT);
        assertEquals(-80.0 / Math.sqrt(33.0), one.z(), EXACT);
    }

    @Test
    void theNormalDistribution() {
        // z₀.₉₇₅ = 1.959964, z₀.₉₉₅ = 2.575829, z₀.₉₅ = 1.644854
        assertEquals(1.959964, ComparisonMath.criticalZ(0.05), 1e-6);
        assertEquals(2.575829, ComparisonMath.criticalZ(0.01), 1e-6);
        assertEquals(1.644854, ComparisonMath.criticalZ(0.10), 1e-6);
        // 2 · (1 − Φ(1.96)) = 0.049996; 2 · (1 − Φ(3)) = 0.002700; z = 0: p = 1
        assertEquals(0.049996, ComparisonMath.twoSidedPValue(1.96), 1e-6);
        assertEquals(0.049996, ComparisonMath.twoSidedPValue(-1.96), 1e-6);
        assertEquals(0.002700, ComparisonMath.twoSidedPValue(3), 1e-6);
        assertEquals(1.0, ComparisonMath.twoSidedPValue(0), EXACT);
        // computed in the tail, not as 1 − Φ (which loses it to cancellation): 2 · Φ(−8) = erfc(8/√2) = 1.2442e-15
        assertEquals(1.2442e-15, ComparisonMath.twoSidedPValue(8), 1e-19);
        assertEquals(0.0, ComparisonMath.twoSidedPValue(Double.POSITIVE_INFINITY), EXACT);
    }

    @Test
    void significantExactlyWhenTheIntervalLeavesOutZero() {
        double se = 5.0;
        double critical = ComparisonMath.criticalZ(0.05) * se;
        ComparisonMath.Difference inside =
                ComparisonMath.difference(0, se * se / 2, critical - 1e-6, se * se / 2, 0.05);
        ComparisonMath.Difference outside =
                ComparisonMath.difference(0, se * se / 2, critical + 1e-6, se * se / 2, 0.05);
        assertFalse(inside.significant());
        assertTrue(inside.low() < 0);
        assertTrue(outside.significant());
        assertTrue(outside.low() > 0);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ComparisonMath.criticalZ(0));
        assertThrows(IllegalArgumentException.class, () -> ComparisonMath.criticalZ(0.6));
        assertThrows(IllegalArgumentException.class, () -> ComparisonMath.difference(0, -1, 0, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ComparisonMath.difference(0, Double.NaN, 0, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ComparisonMath.difference(Double.NaN, 1, 0, 1, 0.05));
        assertTrue(ComparisonMath.validAlpha(0.5));
        assertFalse(ComparisonMath.validAlpha(-0.05));
    }

    @Test
    void theVariancesAreTheOnesBehindTheMarginsOfError() {
        // one formula per form in SurveyStatistics: the margin of error is always 1.96 · √variance
        assertEquals(
                SurveyStatistics.netMarginOfError(10, 5, 100),
                1.96 * Math.sqrt(SurveyStatistics.netVariance(10, 5, 100)),
                EXACT);
        // 0.1475/100 · 100² = 14.75
        assertEquals(14.75, SurveyStatistics.netVariance(10, 5, 100), EXACT);
        // 0.25 · 0.75 / 20 · 100² = 93.75
        assertEquals(93.75, SurveyStatistics.shareVariance(5, 20), EXACT);
        // s² = 250, / 5 = 50
        assertEquals(250.0, SurveyStatistics.sampleVariance(5, 400, 33_000), EXACT);
        assertEquals(50.0, SurveyStatistics.meanVariance(5, 400, 33_000), EXACT);
        assertNull(SurveyStatistics.netVariance(0, 0, 0));
        assertNull(SurveyStatistics.shareVariance(0, 0));
        assertNull(SurveyStatistics.meanVariance(1, 50, 2_500));
        assertNull(SurveyStatistics.marginOfError(null));
        // and every scored type's metric carries the variance its margin came from
        for (QuestionType type : QuestionType.values()) {
            QuestionMetric m = QuestionMetric.of("q", type, null, false, sample(type), 30);
            if (QuestionComparison.Form.of(type) == null) {
                assertNull(m.variance(), type.name());
            } else {
                assertEquals(m.marginOfError(), 1.96 * Math.sqrt(m.variance()), EXACT, type.name());
            }
        }
    }

    @Test
    void questionsWithoutAnswersOrWithoutVarianceAreNotComparable() {
        QuestionMetric none = nps(0, 0, 0);
        QuestionComparison c = QuestionComparison.of(none, nps(1, 1, 1), 0.05);
        assertFalse(c.comparable());
        assertNull(c.difference());
        assertEquals("no answers on side a", c.reason());
        assertEquals(
                "no answers on side b",
                QuestionComparison.of(nps(1, 1, 1), none, 0.05).reason());
        assertEquals(
                "no answers on either side",
                QuestionComparison.of(none, none, 0.05).reason());
        // a mean from one answer has a score but no variance
        QuestionComparison single =
                QuestionComparison.of(mean(QuestionType.CES, 3), mean(QuestionType.CES, 2, 4), 0.05);
        assertFalse(single.comparable());
        assertEquals("a mean needs at least 2 answers on each side for its variance; side a has 1", single.reason());
        // text and choice questions have no score
        QuestionMetric text =
                QuestionMetric.of("why", QuestionType.TEXT, null, false, new AnswerCounts().addText(), 30);
        assertThrows(IllegalArgumentException.class, () -> QuestionComparison.of(text, text, 0.05));
        assertThrows(IllegalArgumentException.class, () -> QuestionComparison.of(nps(1, 0, 0), dwb(1, 1), 0.05));
    }

    private static QuestionMetric nps(int promoters, int passives, int detractors) {
        AnswerCounts c = new AnswerCounts();
        for (int i = 0; i < promoters; i++) {
            c.addScore(QuestionType.NPS, i % 2 == 0 ? 9 : 10);
        }
        for (int i = 0; i < passives; i++) {
            c.addScore(QuestionType.NPS, i % 2 == 0 ? 7 : 8);
        }
        for (int i = 0; i < detractors; i++) {
            c.addScore(QuestionType.NPS, i % 7);
        }
        return QuestionMetric.of("nps", QuestionType.NPS, null, false, c, 30);
    }

    private static QuestionMetric mean(QuestionType type, int... scores) {
        AnswerCounts c = new AnswerCounts();
        for (int s : scores) {
            c.addScore(type, s);
        }
        return QuestionMetric.of("m", type, null, false, c, 30);
    }

    private static QuestionMetric dwb(int topBox, int n) {
        AnswerCounts c = new AnswerCounts();
        for (int i = 0; i < n; i++) {
            c.addScore(QuestionType.DWB, i < topBox ? 1 : 3);
        }
        return QuestionMetric.of("dwb", QuestionType.DWB, null, false, c, 30);
    }

    /** A few answers of any type, with some spread. */
    private static AnswerCounts sample(QuestionType type) {
        AnswerCounts c = new AnswerCounts();
        switch (type) {
            case TEXT -> c.addText().addText();
            case CHOICE -> c.addChoice("a").addChoice("b");
            case CES_BINARY -> c.addYesNo(true).addYesNo(false).addYesNo(false);
            default -> c.addScore(type, type.min()).addScore(type, type.max()).addScore(type, type.max());
        }
        return c;
    }
}
