package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.clv.ClvFitter;
import com.example.loyalty.metrics.domain.clv.ClvModel;
import com.example.loyalty.metrics.domain.clv.FitException;
import com.example.loyalty.metrics.domain.clv.MemberClv;
import com.example.loyalty.metrics.domain.clv.PurchaseSummary;
import com.example.loyalty.metrics.repository.ClvModelRepository;
import com.example.loyalty.metrics.repository.PurchaseSummaryRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Probabilistic customer lifetime value: fits BG/NBD and Gamma-Gamma per currency on the purchases in
 * {@code member_purchase} up to a calibration end, keeps the latest model per currency, and values a member under it.
 * {@link #find} is the call for other code (a member profile): it answers empty instead of 404.
 */
@ApplicationScoped
public class ClvService {

    /** Fewest members a fit accepts: four BG/NBD parameters need a population, not a handful. */
    public static final int MIN_MEMBERS = 20;
    /** Fewest repeaters a fit accepts: three Gamma-Gamma parameters from the spend of repeat purchases. */
    public static final int MIN_REPEATERS = 10;
    /** Longest horizon of a member's CLV: ten years. */
    public static final int MAX_HORIZON_WEEKS = 520;

    private final PurchaseSummaryRepository summaries;
    private final ClvModelRepository models;
    private final MetricsConfig config;
    private final Clock clock;

    public ClvService(PurchaseSummaryRepository summaries, ClvModelRepository models, MetricsConfig config) {
        this.summaries = summaries;
        this.models = models;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * Fits both models on the purchases in {@code currency} up to and including {@code calibrationEnd} (a day in the
     * behaviour zone; T is measured to that day) and keeps the result as the currency's model.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 for an unknown currency or a calibration end after today;
     *                                                     422 for too few members or repeaters, a fit that does not
     *                                                     converge, or a spend model without a finite mean
     */
    @Transactional
    public ClvModel fit(LocalDate calibrationEnd, String currency) {
        int fractionDigits = fractionDigits(currency);
        ZoneId zone = config.behaviour().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (calibrationEnd.isAfter(today)) {
            throw Problems.badRequest(
                    "invalid-calibration-end",
                    "Bad request",
                    "calibrationEnd " + calibrationEnd + " is after today (" + today + " in " + zone + ")");
        }
        List<PurchaseSummary> members = summaries.summaries(currency, zone, calibrationEnd, fractionDigits);
        long repeaters = members.stream().filter(PurchaseSummary::isRepeater).count();
        if (members.size() < MIN_MEMBERS) {
            throw Problems.unprocessable(
                    "too-few-members",
                    "Not enough purchases to fit",
                    members.size() + " member(s) bought in " + currency + " up to " + calibrationEnd + "; at least "
                            + MIN_MEMBERS + " are needed to fit the lifetime value model");
        }
        if (repeaters < MIN_REPEATERS) {
            throw Problems.unprocessable(
                    "too-few-repeaters",
                    "Not enough repeat purchases to fit",
                    repeaters + " of " + members.size() + " members bought again in " + currency + " after their "
                            + "first purchase day up to " + calibrationEnd + "; at least " + MIN_REPEATERS
                            + " repeaters are needed to fit the spend model");
        }
        ClvFitter.BgNbdFit purchases;
        ClvFitter.GammaGammaFit spend;
        try {
            purchases = ClvFitter.fitBgNbd(members);
            spend = ClvFitter.fitGammaGamma(members);
        } catch (FitException e) {
            throw Problems.unprocessable("fit-did-not-converge", "The model could not be fitted", e.getMessage());
        }
        if (!spend.model().hasFiniteMean()) {
            throw Problems.unprocessable(
                    "infinite-mean-spend",
                    "The model could not be fitted",
                    "the spend model has q = " + spend.model().q() + " ≤ 1: its mean spend is infinite (spends too "
                            + "heavy-tailed), so it cannot value members");
        }
        ClvModel model = new ClvModel(
                currency,
                calibrationEnd,
                zone,
                purchases.model(),
                purchases.logLikelihood(),
                spend.model(),
                spend.logLikelihood(),
                purchases.members(),
                spend.repeaters(),
                // microseconds: what the database keeps, so the answer equals what GET /model reads back
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        models.save(model);
        return model;
    }

    /**
     * The model of {@code currency}.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 for an unknown currency, 404 if none has been fitted
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClvModel model(String currency) {
        fractionDigits(currency);
        return models.find(currency).orElseThrow(() -> noModel(currency));
    }

    /**
     * A member's CLV with what it was computed with: the model, the as-of day, and the margin and annual discount
     * rate of the settings (metrics.behaviour.ltv).
     */
    public record MemberValue(
            UUID memberId,
            String currency,
            LocalDate asOf,
            ClvModel model,
            MemberClv clv,
            double margin,
            double annualDiscountRate) {}

    /**
     * A member's CLV for other code (a member profile): empty if no model is fitted for the currency or the member has
     * no purchase in it on or before {@code asOf}.
     *
     * @param currency     ISO code; null: the program's currency
     * @param horizonWeeks 1–{@value #MAX_HORIZON_WEEKS}
     * @param asOf         T is measured to this day (in the behaviour zone); null: today
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MemberValue> find(UUID memberId, String currency, int horizonWeeks, LocalDate asOf) {
        Query q = query(currency, horizonWeeks, asOf);
        Optional<ClvModel> model = models.find(q.currency());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        return summaries
                .summary(memberId, q.currency(), q.zone(), q.asOf(), q.fractionDigits())
                .map(s -> value(memberId, model.get(), s, q));
    }

    /**
     * A member's CLV, or a problem saying why there is none.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 for an unknown currency, a horizon out of range or an
     *                                                     as-of day after today; 404 if no model is fitted for the
     *                                                     currency or the member has no purchase in it up to asOf
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberValue memberClv(UUID memberId, String currency, int horizonWeeks, LocalDate asOf) {
        Query q = query(currency, horizonWeeks, asOf);
        ClvModel model = models.find(q.currency()).orElseThrow(() -> noModel(q.currency()));
        PurchaseSummary summary = summaries
                .summary(memberId, q.currency(), q.zone(), q.asOf(), q.fractionDigits())
                .orElseThrow(() -> Problems.notFound(
                        "no-purchases",
                        "Not found",
                        "member " + memberId + " has no purchase in " + q.currency() + " on or before " + q.asOf()));
        return value(memberId, model, summary, q);
    }

    private record Query(String currency, int fractionDigits, ZoneId zone, LocalDate asOf, int horizonWeeks) {}

    private Query query(String currency, int horizonWeeks, LocalDate asOf) {
        String code = currency == null ? config.behaviour().currency() : currency;
        int fractionDigits = fractionDigits(code);
        if (horizonWeeks < 1 || horizonWeeks > MAX_HORIZON_WEEKS) {
            throw Problems.badRequest(
                    "invalid-horizon",
                    "Bad request",
                    "horizonWeeks must be from 1 to " + MAX_HORIZON_WEEKS + ", was " + horizonWeeks);
        }
        ZoneId zone = config.behaviour().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw Problems.badRequest(
                    "invalid-as-of", "Bad request", "asOf " + day + " is after today (" + today + " in " + zone + ")");
        }
        return new Query(code, fractionDigits, zone, day, horizonWeeks);
    }

    private MemberValue value(UUID memberId, ClvModel model, PurchaseSummary summary, Query q) {
        MetricsConfig.Behaviour.Ltv ltv = config.behaviour().ltv();
        try {
            MemberClv clv = model.valueOf(summary, q.horizonWeeks(), ltv.margin(), ltv.annualDiscountRate());
            return new MemberValue(
                    memberId, q.currency(), q.asOf(), model, clv, ltv.margin(), ltv.annualDiscountRate());
        } catch (ArithmeticException | IllegalStateException e) {
            throw Problems.unprocessable(
                    "clv-not-computable", "The member's lifetime value cannot be computed", e.getMessage());
        }
    }

    private static HttpProblem noModel(String currency) {
        return Problems.notFound(
                "no-clv-model",
                "Not found",
                "no lifetime value model has been fitted for " + currency + " (POST /api/metrics/clv/fit)");
    }

    /** The currency's minor-unit digits (2 for USD, 0 for JPY); 400 if it is not an ISO 4217 currency with them. */
    static int fractionDigits(String currency) {
        int digits;
        try {
            digits = currency == null ? -1 : Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            digits = -1;
        }
        if (digits < 0) {
            throw Problems.badRequest(
                    "unknown-currency", "Bad request", "not an ISO 4217 currency with minor units: " + currency);
        }
        return digits;
    }
}
