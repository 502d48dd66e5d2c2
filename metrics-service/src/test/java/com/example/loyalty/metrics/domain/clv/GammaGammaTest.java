package com.example.loyalty.metrics.domain.clv;

import static com.example.loyalty.metrics.domain.clv.SignificantFigures.assertSame3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.metrics.Cdnow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

    private static final GammaGamma REFERENCE = new GammaGamma(Cdnow.P, Cdnow.Q, Cdnow.V);

    @Test
    void theRepeatersOfTheCdnowSummaryGiveThePublishedFit() {
        List<PurchaseSummary> members =
                Cdnow.summaries().stream().map(Cdnow.Summary::toPurchaseSummary).toList();
        ClvFitter.GammaGammaFit fit = ClvFitter.fitGammaGamma(members);

        assertEquals(Cdnow.REPEATERS, fit.repeaters());
        assertSame3(Cdnow.P, fit.model().p(), "p");
        assertSame3(Cdnow.Q, fit.model().q(), "q");
        assertSame3(Cdnow.V, fit.model().v(), "ν");
        double atReference = members.stream()
                .filter(PurchaseSummary::isRepeater)
                .mapToDouble(s -> REFERENCE.logLikelihood(s.frequency(), s.meanRepeatSpend()))
                .sum();
        assertTrue(fit.logLikelihood() >= atReference, fit.logLikelihood() + " < " + atReference);
    }

    @Test
    void spendsInCentsScaleOnlyNu() {
        List<PurchaseSummary> cents = Cdnow.summaries().stream()
                .map(s -> new PurchaseSummary(s.x(), s.tx(), s.t(), s.zbar() * 100))
                .toList();
        ClvFitter.GammaGammaFit fit = ClvFitter.fitGammaGamma(cents);
        assertSame3(Cdnow.P, fit.model().p(), "p");
        assertSame3(Cdnow.Q, fit.model().q(), "q");
        assertSame3(Cdnow.V * 100, fit.model().v(), "ν");
    }

    @Test
    void theConditionalExpectationWeighsTheMembersMeanAgainstThePopulations() {
        // p (ν + x zbar) / (px + q − 1)
        assertEquals(6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1), REFERENCE.expectedSpend(2, 22.35), 1e-12);
        assertEquals(24.6637, REFERENCE.expectedSpend(2, 22.35), 1e-4);
        // x = 0: the population mean pν/(q − 1)
        assertEquals(6.25 * 15.44 / 2.74, REFERENCE.expectedSpend(0, 0), 1e-12);
        assertEquals(REFERENCE.populationMeanSpend(), REFERENCE.expectedSpend(0, 0), 1e-12);
        // many repeat purchases: close to the member's own mean
        assertEquals(50, REFERENCE.expectedSpend(10_000, 50), 0.01);
    }

    @Test
    void aHeavyTailedPopulationHasNoFiniteMean() {
        GammaGamma heavy = new GammaGamma(2, 0.8, 10);
        assertFalse(heavy.hasFiniteMean());
        assertEquals(Double.POSITIVE_INFINITY, heavy.populationMeanSpend());
        assertThrows(IllegalStateException.class, () -> heavy.expectedSpend(0, 0));
        assertTrue(heavy.expectedSpend(1, 20) > 0);
    }

    @Test
    void identicalSpendsDoNotIdentifyTheModel() {
        List<PurchaseSummary> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(new PurchaseSummary(1 + i % 3, 5, 10, 25.0));
        }
        FitException e = assertThrows(FitException.class, () -> ClvFitter.fitGammaGamma(members));
        assertTrue(e.getMessage().startsWith("Gamma-Gamma did not converge"), e.getMessage());
    }

    @Test
    void withoutRepeatersThereIsNothingToFit() {
        FitException e = assertThrows(
                FitException.class, () -> ClvFitter.fitGammaGamma(List.of(new PurchaseSummary(0, 0, 3, 0))));
        assertTrue(e.getMessage().contains("repeat purchase"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.logLikelihood(0, 10));
    }
}
