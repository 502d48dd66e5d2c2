package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.QuestionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bands and headline numbers per question type, from answers counted as the consumer counts them. */
class QuestionMetricTest {

    private static final double HAND = 1e-4;

    private static AnswerCounts scores(QuestionType type, int... scores) {
        AnswerCounts c = new AnswerCounts();
        for (int s : scores) {
            c.addScore(type, s);
        }
        return c;
    }

    private static AnswerCounts repeat(QuestionType type, int score, int times, AnswerCounts into) {
        for (int i = 0; i < times; i++) {
            into.addScore(type, score);
        }
        return into;
    }

    @Test
    void npsBandsAtTheirEdges() {
        // 6 is a detractor, 7 and 8 passives, 9 a promoter
        QuestionMetric m = QuestionMetric.of(
                "nps", QuestionType.NPS, null, false, scores(QuestionType.NPS, 0, 6, 7, 8, 9, 10), 30);
        assertEquals(6, m.n());
        assertEquals(2, m.promoters());
        assertEquals(2, m.passives());
        assertEquals(2, m.detractors());
        assertEquals(0.0, m.score(), 1e-9);
        assertEquals(
                List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L),
                List.copyOf(m.distribution().values()));
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                List.copyOf(m.distribution().keySet()));
    }

    @Test
    void theTextbookNpsFromAnswers() {
        AnswerCounts c = new AnswerCounts();
        repeat(QuestionType.NPS, 10, 6, c);
        repeat(QuestionType.NPS, 9, 4, c); // 10 promoters
        repeat(QuestionType.NPS, 8, 40, c);
        repeat(QuestionType.NPS, 7, 45, c); // 85 passives
        repeat(QuestionType.NPS, 3, 5, c); // 5 detractors
        QuestionMetric m = QuestionMetric.of("nps", QuestionType.NPS, null, false, c, 30);
        assertEquals(100, m.n());
        assertEquals(5.0, m.score(), 1e-9);
        assertEquals(7.5275, m.marginOfError(), HAND);
        assertEquals(5.0 - 7.5275, m.low(), HAND);
        assertEquals(5.0 + 7.5275, m.high(), HAND);
        assertEquals(10.0, m.promotersPercent(), 1e-9);
        assertEquals(85.0, m.passivesPercent(), 1e-9);
        assertEquals(5.0, m.detractorsPercent(), 1e-9);
        assertTrue(m.reliable());
    }

    @Test
    void onePromoterOneDetractorIsZeroAndNotReliable() {
        QuestionMetric m = QuestionMetric.of("nps", QuestionType.NPS, null, false, scores(QuestionType.NPS, 10, 2), 30);
        assertEquals(0.0, m.score(), 1e-9);
        assertEquals(1, m.promoters());
        assertEquals(0, m.passives());
        assertEquals(1, m.detractors());
        assertEquals(138.5929, m.marginOfError(), HAND);
        // the interval is kept within −100..100
        assertEquals(-100.0, m.low(), 1e-9);
        assertEquals(100.0, m.high(), 1e-9);
        assertFalse(m.reliable());
        assertEquals(30, m.minimumSample());
    }

    @Test
    void continuedUseUsesTheNpsBands() {
        QuestionMetric m = QuestionMetric.of(
                "keep", QuestionType.CONTINUED_USE, null, false, scores(QuestionType.CONTINUED_USE, 9, 9, 9, 7, 5), 30);
        assertEquals(3, m.promoters());
        assertEquals(1, m.passives());
        assertEquals(1, m.detractors());
        assertEquals(40.0, m.score(), 1e-9);
    }

    @Test
    void nrsBands() {
        QuestionMetric m = QuestionMetric.of(
                "nrs", QuestionType.NRS, null, false, scores(QuestionType.NRS, 5, 5, 5, 5, 5, 4, 4, 3, 2, 1), 30);
        assertEquals(5, m.repeaters());
        assertEquals(2, m.neutrals());
        assertEquals(3, m.atRisk());
        assertEquals(20.0, m.score(), 1e-9);
        assertEquals(54.0335, m.marginOfError(), HAND);
        assertNull(m.promoters());
    }

    @Test
    void csiIsAMeanWithTheStandardErrorAndItsOwnMinimumSample() {
        QuestionMetric m = QuestionMetric.of(
                "quality",
                QuestionType.CSI,
                "PERCEIVED_QUALITY",
                false,
                scores(QuestionType.CSI, 70, 80, 90, 60, 100),
                100);
        assertEquals(80.0, m.score(), 1e-9);
        assertEquals(15.8114, m.standardDeviation(), HAND);
        assertEquals(13.8593, m.marginOfError(), HAND);
        assertEquals("PERCEIVED_QUALITY", m.dimension());
        assertFalse(m.reliable());
        assertEquals(100, m.minimumSample());
        assertNull(m.distribution(), "0–100 answers are kept as sums only");
    }

    @Test
    void cesMean() {
        // 2, 3, 8, 9, 4: mean 5.2; s = √(((−3.2)² + (−2.2)² + 2.8² + 3.8² + (−1.2)²)/4) = √(38.8/4) = 3.1145;
        // MoE = 1.96 · 3.1145 / √5 = 2.7300
        QuestionMetric m =
                QuestionMetric.of("ces", QuestionType.CES, null, false, scores(QuestionType.CES, 2, 3, 8, 9, 4), 30);
        assertEquals(5.2, m.score(), 1e-9);
        assertEquals(2.7300, m.marginOfError(), HAND);
    }

    @Test
    void cesBinaryNet() {
        AnswerCounts c = new AnswerCounts();
        for (int i = 0; i < 3; i++) {
            c.addYesNo(true);
        }
        for (int i = 0; i < 7; i++) {
            c.addYesNo(false);
        }
        QuestionMetric m = QuestionMetric.of("effort", QuestionType.CES_BINARY, null, false, c, 30);
        assertEquals(3, m.effort());
        assertEquals(7, m.noEffort());
        assertEquals(40.0, m.score(), 1e-9);
        assertEquals(56.8062, m.marginOfError(), HAND);
    }

    @Test
    void dwbShareOfOnes() {
        AnswerCounts c = new AnswerCounts();
        repeat(QuestionType.DWB, 1, 5, c);
        repeat(QuestionType.DWB, 2, 10, c);
        repeat(QuestionType.DWB, 5, 5, c);
        QuestionMetric m = QuestionMetric.of("buy", QuestionType.DWB, null, false, c, 30);
        assertEquals(5, m.topBox());
        assertEquals(25.0, m.score(), 1e-9);
        assertEquals(18.9776, m.marginOfError(), HAND);
    }

    @Test
    void textCountsAndChoiceCountsPerOption() {
        AnswerCounts text = new AnswerCounts().addText().addText();
        QuestionMetric t = QuestionMetric.of("reason", QuestionType.TEXT, null, false, text, 30);
        assertEquals(2, t.n());
        assertNull(t.score());
        AnswerCounts choice = new AnswerCounts().addChoice("b").addChoice("a").addChoice("b");
        QuestionMetric ch = QuestionMetric.of("pick", QuestionType.CHOICE, null, false, choice, 30);
        assertEquals(3, ch.n());
        assertEquals(Map.of("a", 1L, "b", 2L), ch.choices());
        assertNull(ch.score());
    }

    @Test
    void noAnswersGiveNullScoresForEveryType() {
        for (QuestionType type : QuestionType.values()) {
            QuestionMetric m = QuestionMetric.of("q", type, null, false, new AnswerCounts(), 30);
            assertEquals(0, m.n(), type.name());
            assertNull(m.score(), type.name());
            assertNull(m.marginOfError(), type.name());
            assertNull(m.low(), type.name());
            assertFalse(m.reliable(), type.name());
        }
    }

    @Test
    void cellsAddUp() {
        AnswerCounts a = scores(QuestionType.NPS, 10, 0);
        AnswerCounts b = scores(QuestionType.NPS, 9);
        AnswerCounts sum = new AnswerCounts().plus(a).plus(b);
        assertEquals(3, sum.n());
        assertEquals(19, sum.total());
        assertEquals(181, sum.totalSquares());
        assertEquals(1, sum.score(9));
        assertEquals(1, sum.score(10));
        assertEquals(1, sum.score(0));
    }
}
