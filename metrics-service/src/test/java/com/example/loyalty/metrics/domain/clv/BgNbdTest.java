package com.example.loyalty.metrics.domain.clv;

import static com.example.loyalty.metrics.domain.clv.SignificantFigures.assertSame3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.metrics.Cdnow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdTest {

    private static final BgNbd REFERENCE = new BgNbd(Cdnow.R, Cdnow.ALPHA, Cdnow.A, Cdnow.B);

    @Test
    void theCdnowSummaryGivesThePublishedFit() {
        List<PurchaseSummary> members =
                Cdnow.summaries().stream().map(Cdnow.Summary::toPurchaseSummary).toList();
        ClvFitter.BgNbdFit fit = ClvFitter.fitBgNbd(members);

        assertEquals(Cdnow.CUSTOMERS, fit.members());
        assertSame3(Cdnow.R, fit.model().r(), "r");
        assertSame3(Cdnow.ALPHA, fit.model().alpha(), "α");
        assertSame3(Cdnow.A, fit.model().a(), "a");
        assertSame3(Cdnow.B, fit.model().b(), "b");
        assertEquals(Cdnow.LOG_LIKELIHOOD, fit.logLikelihood(), 0.01);
        // the published (rounded) parameters are no better than the optimum
        double atReference =
                members.stream().mapToDouble(REFERENCE::logLikelihood).sum();
        assertTrue(fit.logLikelihood() >= atReference, fit.logLikelihood() + " < " + atReference);
        assertEquals(Cdnow.LOG_LIKELIHOOD, atReference, 0.05);
    }

    /** Values of equation 10 from scipy's hyp2f1 (the lifetimes library's formula) under the published parameters. */
    @Test
    void conditionalExpectationsAgreeWithTheClosedFormThroughScipy() {
        assertRelative(1.226028174767135, REFERENCE.expectedPurchases(39, 2, 30.43, 38.86));
        assertRelative(0.19509805201125396, REFERENCE.expectedPurchases(39, 0, 0, 38.86));
        assertRelative(1.5088761039779732, REFERENCE.expectedPurchases(52, 5, 20, 38));
        assertRelative(324.06515044510496, REFERENCE.expectedPurchases(520, 100, 38, 38.86));
        assertRelative(0.02827949827046766, REFERENCE.expectedPurchases(1000, 3, 1, 60));
        assertRelative(0.16162227550880956, REFERENCE.expectedPurchases(1, 1, 0.5, 1));
        assertRelative(0.4324133622344203, REFERENCE.expectedPurchases(10, 0, 0, 0));
        assertEquals(0, REFERENCE.expectedPurchases(0, 3, 10, 20));
    }

    @Test
    void theLifetimesDocumentationExampleIsAbout1Point226() {
        // lifetimes' docs: a customer with x=2, t_x=30.43, T=38.86 expects ~1.226 purchases in the next 39 weeks
        assertEquals(1.226, REFERENCE.expectedPurchases(39, 2, 30.43, 38.86), 0.0005);
    }

    @Test
    void probabilityAliveAgreesWithEquation13() {
        assertRelative(0.726578570080673, REFERENCE.probabilityAlive(2, 30.43, 38.86));
        assertEquals(1.0, REFERENCE.probabilityAlive(0, 0, 38.86));
        assertRelative(0.30926907448999114, REFERENCE.probabilityAlive(5, 20, 38));
        assertRelative(0.9447490619843153, REFERENCE.probabilityAlive(100, 38, 38.86));
        assertRelative(0.12347589566222503, REFERENCE.probabilityAlive(1, 1, 60));
        // a frequent buyer gone quiet for years is all but dead, without overflow
        assertEquals(0.0, REFERENCE.probabilityAlive(500, 1, 5000), 1e-300);
    }

    @Test
    void theExpectationIsContinuousThroughAEqualsOne() {
        double below = new BgNbd(0.3, 5, 1 - 1e-9, 2).expectedPurchases(52, 3, 20, 40);
        double at = new BgNbd(0.3, 5, 1, 2).expectedPurchases(52, 3, 20, 40);
        double above = new BgNbd(0.3, 5, 1 + 1e-9, 2).expectedPurchases(52, 3, 20, 40);
        assertEquals(at, below, 1e-7);
        assertEquals(at, above, 1e-7);
        assertTrue(at > 0);
    }

    @Test
    void expectationsGrowWithTheHorizonAndAliveShrinksWithSilence() {
        double previous = 0;
        for (int h = 1; h <= 520; h++) {
            double e = REFERENCE.expectedPurchases(h, 4, 25, 38);
            assertTrue(e > previous, "E[Y(" + h + ")] = " + e);
            previous = e;
        }
        assertTrue(REFERENCE.probabilityAlive(4, 25, 38) > REFERENCE.probabilityAlive(4, 25, 60));
    }

    @Test
    void membersWithoutHeterogeneityDoNotIdentifyTheModel() {
        // everybody bought on the same pattern: the likelihood keeps rising towards a model without heterogeneity
        List<PurchaseSummary> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(new PurchaseSummary(1 + i % 3, 5, 10, 25.0));
        }
        FitException e = assertThrows(FitException.class, () -> ClvFitter.fitBgNbd(members));
        assertTrue(e.getMessage().startsWith("BG/NBD did not converge"), e.getMessage());
        assertTrue(e.getMessage().contains("ran towards"), e.getMessage());
    }

    @Test
    void nothingToFitIsRefused() {
        assertThrows(FitException.class, () -> ClvFitter.fitBgNbd(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(1, Double.POSITIVE_INFINITY, 1, 1));
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-10, () -> actual + " against " + expected);
    }
}
