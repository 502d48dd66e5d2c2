package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.LtvForm;
import com.example.loyalty.metrics.domain.LtvMath;
import com.example.loyalty.metrics.domain.LtvMember;
import com.example.loyalty.metrics.domain.LtvParameters;
import com.example.loyalty.metrics.domain.LtvReport;
import com.example.loyalty.metrics.domain.LtvTotals;
import com.example.loyalty.metrics.repository.LtvRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Simple lifetime value (the three forms of {@link LtvForm}, definitions in {@link LtvMath}) per member and per
 * cohort, from every purchase kept in {@code member_purchase} (imported history included), in one currency at a time.
 */
@ApplicationScoped
public class LtvService {

    /** Longest retention accepted, in years. */
    public static final BigDecimal MAX_RETENTION_YEARS = BigDecimal.valueOf(100);

    /**
     * Per-request assumptions; each null one comes from {@code metrics.behaviour.ltv.*}. Costs are amounts of the
     * requested currency in major units (e.g. 12.50 USD).
     */
    public record Overrides(
            BigDecimal margin, BigDecimal retentionYears, BigDecimal acquisitionCost, BigDecimal retentionCostPerYear) {

        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    private final LtvRepository ltv;
    private final MetricsConfig config;
    private final Clock clock;

    public LtvService(LtvRepository ltv, MetricsConfig config) {
        this.ltv = ltv;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * Lifetime value per cohort: members grouped by the month (behaviour zone) of their first purchase in the
     * currency, with each form's total and mean per member, from the purchases up to the end of {@code asOf}.
     *
     * @param currency ISO 4217 code, null for the program's currency
     * @param form     the headline form, null for {@link LtvForm#ORDER_FREQUENCY}
     * @param asOf     last day counted, null for today
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 for an unknown currency, an as-of date after today or an
     *                                                     assumption out of range
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LtvReport cohorts(String currency, LtvForm form, LocalDate asOf, Overrides overrides) {
        ZoneId zone = config.behaviour().zone();
        Currency c = PurchaseCurrency.resolve(currency, config.behaviour().currency());
        LocalDate day = asOf(asOf, zone);
        LtvParameters parameters = parameters(c, overrides);
        Map<YearMonth, LtvTotals> cohorts = new TreeMap<>();
        LtvTotals all = new LtvTotals();
        for (LtvRepository.FirstDayGroup g : ltv.byFirstPurchaseDay(c.getCurrencyCode(), zone, endOf(day, zone))) {
            LtvTotals group = new LtvTotals().add(g.firstPurchaseDay(), g.members(), g.purchases(), g.revenue(), day);
            cohorts.computeIfAbsent(YearMonth.from(g.firstPurchaseDay()), k -> new LtvTotals())
                    .add(group);
            all.add(group);
        }
        List<LtvReport.Cohort> list = new ArrayList<>(cohorts.size());
        cohorts.forEach((month, totals) -> list.add(new LtvReport.Cohort(month, totals)));
        return new LtvReport(
                c, zone, day, form != null ? form : LtvForm.ORDER_FREQUENCY, parameters, List.copyOf(list), all);
    }

    /**
     * A member's lifetime value in every form, with its inputs.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if the member has no purchase in the currency up to
     *                                                     {@code asOf}; 400 as {@link #cohorts}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LtvMember memberLtv(UUID memberId, String currency, LocalDate asOf, Overrides overrides) {
        ZoneId zone = config.behaviour().zone();
        Currency c = PurchaseCurrency.resolve(currency, config.behaviour().currency());
        LocalDate day = asOf(asOf, zone);
        return findMemberLtv(memberId, c, day, parameters(c, overrides))
                .orElseThrow(() -> Problems.notFound(
                        "no-purchases",
                        "Not found",
                        "no purchase in " + c.getCurrencyCode() + " up to " + day + " has been recorded for member "
                                + memberId));
    }

    /**
     * A member's lifetime value, for callers that have checked their input (a member profile): empty if the member
     * has no purchase in {@code currency} up to the end of {@code asOf} (behaviour zone).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LtvMember> findMemberLtv(
            UUID memberId, Currency currency, LocalDate asOf, LtvParameters parameters) {
        ZoneId zone = config.behaviour().zone();
        return ltv.ofMember(memberId, currency.getCurrencyCode(), zone, endOf(asOf, zone))
                .map(p -> LtvMember.of(
                        memberId,
                        currency,
                        zone,
                        asOf,
                        p.firstPurchaseDay(),
                        p.lastPurchaseDay(),
                        p.purchases(),
                        p.revenue(),
                        parameters));
    }

    /**
     * The assumptions for {@code currency}: each override, else the configured value. The configured costs
     * ({@code metrics.behaviour.ltv.acquisition-cost}, {@code retention-cost-per-year}, minor units) are amounts of
     * the program's currency ({@code metrics.behaviour.currency}); for any other currency they are 0 unless given.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 if an override is out of range or has more decimals
     *                                                     than the currency's minor unit
     */
    public LtvParameters parameters(Currency currency, Overrides o) {
        MetricsConfig.Behaviour.Ltv configured = config.behaviour().ltv();
        boolean programCurrency =
                currency.getCurrencyCode().equalsIgnoreCase(config.behaviour().currency());
        BigDecimal margin = o.margin() != null ? o.margin() : BigDecimal.valueOf(configured.margin());
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0) {
            throw Problems.badRequest(
                    "invalid-ltv-parameter", "Bad request", "margin must be from 0 to 1, was " + margin);
        }
        BigDecimal years =
                o.retentionYears() != null ? o.retentionYears() : BigDecimal.valueOf(configured.retentionYears());
        if (years.signum() <= 0 || years.compareTo(MAX_RETENTION_YEARS) > 0) {
            throw Problems.badRequest(
                    "invalid-ltv-parameter",
                    "Bad request",
                    "retentionYears must be more than 0 and at most " + MAX_RETENTION_YEARS + ", was " + years);
        }
        BigDecimal acquisition = o.acquisitionCost() != null
                ? minor("acquisitionCost", o.acquisitionCost(), currency)
                : BigDecimal.valueOf(programCurrency ? configured.acquisitionCost() : 0);
        BigDecimal retention = o.retentionCostPerYear() != null
                ? minor("retentionCostPerYear", o.retentionCostPerYear(), currency)
                : BigDecimal.valueOf(programCurrency ? configured.retentionCostPerYear() : 0);
        return new LtvParameters(margin, years, acquisition, retention);
    }

    private static BigDecimal minor(String name, BigDecimal major, Currency currency) {
        if (major.signum() < 0) {
            throw Problems.badRequest("invalid-ltv-parameter", "Bad request", name + " must not be negative");
        }
        try {
            return LtvMath.toMinor(major, currency);
        } catch (ArithmeticException e) {
            throw Problems.badRequest(
                    "invalid-ltv-parameter",
                    "Bad request",
                    name + " " + major.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                            + " has (" + LtvMath.fractionDigits(currency) + ")");
        }
    }

    private LocalDate asOf(LocalDate asOf, ZoneId zone) {
        LocalDate today = PurchaseCurrency.today(clock, zone);
        if (asOf == null) {
            return today;
        }
        PurchaseCurrency.notAfterToday("asOf", asOf, today);
        return asOf;
    }

    /** The first instant after {@code day} in {@code zone}. */
    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
