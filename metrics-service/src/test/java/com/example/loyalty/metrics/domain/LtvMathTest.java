package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LtvMathTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LtvParameters PLAIN = parameters("1", "3", 0, 0);

    private static LtvParameters parameters(String margin, String years, long acquisition, long retention) {
        return new LtvParameters(
                new BigDecimal(margin),
                new BigDecimal(years),
                BigDecimal.valueOf(acquisition),
                BigDecimal.valueOf(retention));
    }

    private static BigDecimal yen(BigDecimal minor) {
        return LtvMath.toMajor(minor, JPY);
    }

    @Test
    void tenThousandYenAMonthForThreeYearsIs360000InEveryForm() {
        // the product's example, straight through the formulas
        assertEquals(
                new BigDecimal("360000"),
                yen(LtvMath.orderFrequency(BigDecimal.valueOf(10_000), BigDecimal.valueOf(12), PLAIN)));
        assertEquals(new BigDecimal("360000"), yen(LtvMath.annualRevenue(BigDecimal.valueOf(120_000), PLAIN)));
        assertEquals(new BigDecimal("360000"), yen(LtvMath.historical(BigDecimal.valueOf(10_000), 36)));
    }

    @Test
    void tenThousandYenAMonthObservedOverThreeYearsOfTenure() {
        // 36 monthly purchases from 2023-01-15 to 2025-12-15, as of 2026-01-13: tenure 1095 days = 3 × 365
        LocalDate first = LocalDate.parse("2023-01-15");
        LocalDate asOf = LocalDate.parse("2026-01-13");
        assertEquals(1095, LtvMath.tenureDays(first, asOf));
        LtvMember m = LtvMember.of(
                UUID.randomUUID(),
                JPY,
                TOKYO,
                asOf,
                first,
                LocalDate.parse("2025-12-15"),
                36,
                BigDecimal.valueOf(360_000),
                PLAIN);
        assertEquals(new BigDecimal("10000"), yen(m.averageOrderValue()));
        assertEquals(new BigDecimal("12.00"), LtvMath.rate(m.purchasesPerYear()));
        assertEquals(new BigDecimal("120000"), yen(m.annualRevenue()));
        assertEquals(new BigDecimal("360000"), yen(m.values().get(LtvForm.ORDER_FREQUENCY)));
        assertEquals(new BigDecimal("360000"), yen(m.values().get(LtvForm.ANNUAL_REVENUE)));
        assertEquals(new BigDecimal("360000"), yen(m.values().get(LtvForm.HISTORICAL)));

        // the same member as a cohort of one
        LtvTotals cohort = new LtvTotals().add(first, 1, 36, BigDecimal.valueOf(360_000), asOf);
        for (LtvForm form : LtvForm.values()) {
            assertEquals(new BigDecimal("360000"), yen(cohort.total(form, PLAIN)), form.name());
            assertEquals(new BigDecimal("360000"), yen(cohort.average(form, PLAIN)), form.name());
        }
    }

    @Test
    void formOneSubtractsAcquisitionAndRetentionCosts() {
        // margin 0.3, 2 years, acquisition 5000, retention 1000 a year: 10,000 × 0.3 × 12 × 2 − 5000 − 2 × 1000
        LtvParameters p = parameters("0.3", "2", 5_000, 1_000);
        assertEquals(new BigDecimal("7000"), p.costPerMember());
        assertEquals(
                new BigDecimal("65000"),
                yen(LtvMath.orderFrequency(BigDecimal.valueOf(10_000), BigDecimal.valueOf(12), p)));
        assertEquals(new BigDecimal("72000"), yen(LtvMath.annualRevenue(BigDecimal.valueOf(120_000), p)));
        // history ignores margin and costs
        assertEquals(new BigDecimal("120000"), yen(LtvMath.historical(BigDecimal.valueOf(10_000), 12)));
    }

    @Test
    void aNewMemberIsAnnualisedOverThirtyDaysAtLeast() {
        LocalDate day = LocalDate.parse("2026-01-14");
        assertEquals(1, LtvMath.tenureDays(day, day));
        // 3,000 on the as-of day: 3,000 × 365 / 30, not × 365
        assertEquals(new BigDecimal("36500"), yen(LtvMath.perYear(BigDecimal.valueOf(3_000), 1)));
        assertEquals(new BigDecimal("36500"), yen(LtvMath.perYear(BigDecimal.valueOf(3_000), 30)));
        assertEquals(new BigDecimal("35323"), yen(LtvMath.perYear(BigDecimal.valueOf(3_000), 31))); // 35322.58
    }

    @Test
    void cohortTotalsAreTheSumOfTheMembers() {
        LocalDate asOf = LocalDate.parse("2026-01-14");
        LtvParameters p = parameters("0.5", "2.5", 700, 300);
        LocalDate a = LocalDate.parse("2025-03-03");
        LocalDate b = LocalDate.parse("2025-03-20");
        LtvMember ma = LtvMember.of(UUID.randomUUID(), JPY, TOKYO, asOf, a, asOf, 7, BigDecimal.valueOf(12_345), p);
        LtvMember mb = LtvMember.of(UUID.randomUUID(), JPY, TOKYO, asOf, b, b, 1, BigDecimal.valueOf(999), p);
        LtvTotals cohort = new LtvTotals()
                .add(a, 1, 7, BigDecimal.valueOf(12_345), asOf)
                .add(b, 1, 1, BigDecimal.valueOf(999), asOf);
        for (LtvForm form : LtvForm.values()) {
            BigDecimal sum = ma.values().get(form).add(mb.values().get(form));
            assertTrue(sum.subtract(cohort.total(form, p)).abs().compareTo(new BigDecimal("1e-20")) < 0, form.name());
            assertEquals(yen(sum), yen(cohort.total(form, p)), form.name());
        }
        assertEquals(2, cohort.members());
        assertEquals(8, cohort.purchases());
        assertEquals(new BigDecimal("1668"), yen(cohort.averageOrderValue())); // 13344 / 8
    }

    @Test
    void halfACentIsRoundedUpNotLostInADivision() {
        // 10.50 + 10.51 CHF over 30 days: 21.01 × 365 / 30 × 3 = 766.865 exactly, so 766.87 (AOV 10.505 × PPY
        // 24.333… × 3 computed in that order would come out a hair below the half cent)
        Currency chf = Currency.getInstance("CHF");
        LocalDate first = LocalDate.parse("2025-06-01");
        LocalDate asOf = LocalDate.parse("2025-06-30");
        LtvMember m = LtvMember.of(
                UUID.randomUUID(), chf, TOKYO, asOf, first, first.plusDays(1), 2, BigDecimal.valueOf(2101), PLAIN);
        assertEquals(30, m.tenureDays());
        assertEquals(new BigDecimal("10.51"), LtvMath.toMajor(m.averageOrderValue(), chf));
        assertEquals(new BigDecimal("766.87"), LtvMath.toMajor(m.values().get(LtvForm.ORDER_FREQUENCY), chf));
        assertEquals(new BigDecimal("766.87"), LtvMath.toMajor(m.values().get(LtvForm.ANNUAL_REVENUE), chf));
        assertEquals(new BigDecimal("21.01"), LtvMath.toMajor(m.values().get(LtvForm.HISTORICAL), chf));
        LtvTotals one = new LtvTotals().add(first, 1, 2, BigDecimal.valueOf(2101), asOf);
        assertEquals(m.values().get(LtvForm.ORDER_FREQUENCY), one.total(LtvForm.ORDER_FREQUENCY, PLAIN));
        assertEquals(m.values().get(LtvForm.ANNUAL_REVENUE), one.total(LtvForm.ANNUAL_REVENUE, PLAIN));
    }

    @Test
    void anEmptyGroupHasNoAverages() {
        LtvTotals none = new LtvTotals();
        assertNull(none.averageOrderValue());
        assertNull(none.average(LtvForm.HISTORICAL, PLAIN));
        assertEquals(BigDecimal.ZERO, none.total(LtvForm.ORDER_FREQUENCY, PLAIN).stripTrailingZeros());
    }

    @Test
    void moneyInTheCurrencysMinorUnit() {
        assertEquals(new BigDecimal("100.50"), LtvMath.toMajor(BigDecimal.valueOf(10_050), USD));
        assertEquals(new BigDecimal("10.51"), LtvMath.toMajor(new BigDecimal("1050.5"), USD)); // half up
        assertEquals(new BigDecimal("1051"), LtvMath.toMajor(new BigDecimal("1050.5"), JPY));
        assertEquals("360000", LtvMath.toMajor(new BigDecimal("3.6E+5"), JPY).toString());
        assertEquals(new BigDecimal("1250"), LtvMath.toMinor(new BigDecimal("12.50"), USD));
        assertEquals(new BigDecimal("5000"), LtvMath.toMinor(new BigDecimal("5000.0"), JPY));
        assertThrows(ArithmeticException.class, () -> LtvMath.toMinor(new BigDecimal("12.505"), USD));
        assertThrows(ArithmeticException.class, () -> LtvMath.toMinor(new BigDecimal("0.5"), JPY));
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> parameters("1.1", "3", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> parameters("-0.1", "3", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> parameters("1", "0", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> parameters("1", "3", -1, 0));
    }

    @Test
    void formsByWireName() {
        assertEquals(LtvForm.ORDER_FREQUENCY, LtvForm.parse("Order-Frequency"));
        assertEquals(LtvForm.ANNUAL_REVENUE, LtvForm.parse("annual-revenue"));
        assertEquals("historical", LtvForm.HISTORICAL.wireName());
        assertNull(LtvForm.parse("orders"));
    }
}
