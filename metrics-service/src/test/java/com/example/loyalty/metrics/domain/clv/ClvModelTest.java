package com.example.loyalty.metrics.domain.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.metrics.Cdnow;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClvModelTest {

    private static final ClvModel MODEL = new ClvModel(
            "USD",
            Cdnow.CALIBRATION_END,
            ZoneId.of("Asia/Tokyo"),
            new BgNbd(Cdnow.R, Cdnow.ALPHA, Cdnow.A, Cdnow.B),
            Cdnow.LOG_LIKELIHOOD,
            new GammaGamma(Cdnow.P, Cdnow.Q, Cdnow.V),
            -4055.9,
            Cdnow.CUSTOMERS,
            Cdnow.REPEATERS,
            Instant.parse("2026-01-01T00:00:00Z"));

    private static final PurchaseSummary FIRST_CUSTOMER = new PurchaseSummary(2, 30.43, 38.86, 22.35);

    @Test
    void withoutDiscountTheValueIsMarginTimesSpendTimesPurchases() {
        MemberClv clv = MODEL.valueOf(FIRST_CUSTOMER, 39, 0.3, 0);
        assertEquals(1.226028174767135, clv.expectedPurchases(), 1e-9);
        assertEquals(clv.expectedPurchases(), clv.discountedExpectedPurchases(), 1e-9);
        assertEquals(24.6637, clv.expectedAverageSpend(), 1e-4);
        assertEquals(0.3 * 24.6637 * 1.226028, clv.discountedValue(), 1e-3);
        assertEquals(0.726578570080673, clv.probabilityAlive(), 1e-9);
        assertEquals(FIRST_CUSTOMER, clv.summary());
    }

    @Test
    void eachWeeksPurchasesAreDiscountedAtTheEndOfTheWeek() {
        MemberClv clv = MODEL.valueOf(FIRST_CUSTOMER, 39, 1.0, 0.1);
        double expected = 0;
        double previous = 0;
        for (int k = 1; k <= 39; k++) {
            double e = MODEL.bgNbd().expectedPurchases(k, 2, 30.43, 38.86);
            expected += (e - previous) / Math.pow(1.1, k / (365.25 / 7));
            previous = e;
        }
        assertEquals(expected, clv.discountedExpectedPurchases(), 1e-12);
        assertEquals(expected * clv.expectedAverageSpend(), clv.discountedValue(), 1e-9);
        assertTrue(clv.discountedValue() < clv.expectedPurchases() * clv.expectedAverageSpend());
        // a year's discounting is between none and a full year's 10 %
        assertTrue(clv.discountedExpectedPurchases() > clv.expectedPurchases() / 1.1);
    }

    @Test
    void aNewMemberIsValuedAtThePopulationMeanSpend() {
        MemberClv clv = MODEL.valueOf(new PurchaseSummary(0, 0, 0, 0), 52, 1.0, 0.1);
        assertEquals(1.0, clv.probabilityAlive());
        assertEquals(MODEL.gammaGamma().populationMeanSpend(), clv.expectedAverageSpend(), 1e-12);
        assertTrue(clv.expectedPurchases() > 0);
    }

    @Test
    void theHorizonIsAtLeastAWeek() {
        assertThrows(IllegalArgumentException.class, () -> MODEL.valueOf(FIRST_CUSTOMER, 0, 1, 0.1));
    }
}
