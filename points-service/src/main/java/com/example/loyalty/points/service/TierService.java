package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Tier;
import com.example.loyalty.points.domain.TierLadder;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.TierRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and replaces the tier ladder (docs/tiers.md). */
@ApplicationScoped
public class TierService {

    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("10");

    private final TierRepository tiers;
    private final MemberRepository members;
    private final TierLadderCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditLog audit;
    private final PointsConfig config;
    private final TierEvaluations evaluations;

    public TierService(
            TierRepository tiers,
            MemberRepository members,
            TierLadderCache cache,
            TransactionSynchronizationRegistry transactions,
            AuditLog audit,
            PointsConfig config,
            TierEvaluations evaluations) {
        this.config = config;
        this.evaluations = evaluations;
        this.tiers = tiers;
        this.members = members;
        this.cache = cache;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The ladder, from memory unless it changed (see {@link TierLadderCache}). */
    public TierLadderView ladder() {
        return cache.get(this::read);
    }

    @Transactional
    TierLadderView read() {
        return view(tiers.settings(), tiers.ladder(), config.zone());
    }

    /** The ladder as the database has it now, in the caller's transaction (not from memory). */
    static TierLadderView view(TierLadder settings, List<Tier> ladder, ZoneId zone) {
        return TierLadderView.of(
                settings.windowMonths,
                settings.version,
                ladder,
                new TierLadderView.Period(
                        TierLadderView.PeriodKind.valueOf(settings.periodKind),
                        settings.windowMonths,
                        settings.fiscalStartMonth,
                        zone),
                new TierLadderView.Downgrade(settings.graceDays, settings.maxSteps));
    }

    /**
     * A tier as a marketer defines it; the order of the list is the rank. Thresholds of 0 are not required; {@code
     * qualifyBy} says whether ANY threshold reached qualifies or ALL must be.
     */
    public record TierDefinition(
            String code,
            String name,
            long thresholdSpend,
            BigDecimal multiplier,
            long minPurchases,
            long minPoints,
            TierLadderView.QualifyBy qualifyBy) {

        /** A tier qualifying by spend only (the ladder as it was before purchases and points counted). */
        public TierDefinition(String code, String name, long thresholdSpend, BigDecimal multiplier) {
            this(code, name, thresholdSpend, multiplier, 0, 0, TierLadderView.QualifyBy.ANY);
        }

        TierLadderView.Step step(int rank) {
            return new TierLadderView.Step(
                    code, name, rank, thresholdSpend, multiplier, minPurchases, minPoints, qualifyBy);
        }
    }

    /** A whole ladder as a marketer defines it: the period, the downgrade rules and the tiers, lowest first. */
    public record LadderDefinition(
            TierLadderView.PeriodKind periodKind,
            int windowMonths,
            int fiscalStartMonth,
            int graceDays,
            int maxSteps,
            List<TierDefinition> tiers) {}

    /** The ladder after a change, and the re-evaluation of every member it started. */
    public record Replaced(TierLadderView ladder, UUID evaluationId) {}

    /**
     * The ladder a definition makes, as it would be published (for a preview); validated.
     *
     * @throws HttpProblem 422 when the ladder breaks a rule
     */
    public TierLadderView draft(LadderDefinition definition) {
        validate(definition);
        List<TierLadderView.Step> steps = new ArrayList<>();
        for (int rank = 0; rank < definition.tiers().size(); rank++) {
            steps.add(definition.tiers().get(rank).step(rank));
        }
        return new TierLadderView(
                definition.windowMonths(),
                0,
                steps,
                new TierLadderView.Period(
                        definition.periodKind(),
                        definition.windowMonths(),
                        definition.fiscalStartMonth(),
                        config.zone()),
                new TierLadderView.Downgrade(definition.graceDays(), definition.maxSteps()));
    }

    /**
     * Replaces the whole ladder. Rules: see {@link #validate(List)}. A tier that members hold cannot be removed. Every
     * member is re-evaluated in the background (a {@code LADDER_CHANGE} evaluation, docs/tiers.md): upgrades at once,
     * downgrades by the grace rules. Audited as TIER_LADDER_REPLACED with the ladder before and after.
     */
    @Transactional
    public Replaced replace(LadderDefinition definition, String updatedBy) {
        validate(definition);
        List<TierDefinition> definitions = definition.tiers();
        // this instance forgets the old ladder right after the commit, before it answers; the others on the NOTIFY
        cache.invalidateAfterCommit(transactions);
        TierLadder settings = tiers.lockSettings();
        TierLadderView before = view(settings, tiers.ladder(), config.zone());
        Map<String, Tier> existing =
                tiers.ladder().stream().collect(Collectors.toMap(t -> t.code, Function.identity()));
        Set<String> wanted = definitions.stream().map(TierDefinition::code).collect(Collectors.toSet());
        for (Tier old : existing.values()) {
            if (!wanted.contains(old.code)) {
                long holders = members.countByTier(old.code);
                if (holders > 0) {
                    throw Problems.conflict(
                            "tier-in-use",
                            "Tier in use",
                            "tier " + old.code + " is held by " + holders + " members and cannot be removed");
                }
                tiers.delete(old);
            }
        }
        for (int rank = 0; rank < definitions.size(); rank++) {
            TierDefinition d = definitions.get(rank);
            Tier tier = existing.get(d.code());
            boolean added = tier == null;
            if (added) {
                tier = new Tier();
                tier.code = d.code();
            }
            tier.name = d.name();
            tier.rank = rank;
            tier.thresholdSpend = d.thresholdSpend();
            tier.multiplier = d.multiplier();
            tier.minPurchases = Math.toIntExact(d.minPurchases());
            tier.minPoints = d.minPoints();
            tier.qualifyBy = d.qualifyBy().name();
            if (added) {
                tiers.persist(tier);
            }
        }
        settings.windowMonths = definition.windowMonths();
        settings.periodKind = definition.periodKind().name();
        settings.fiscalStartMonth = definition.fiscalStartMonth();
        settings.graceDays = definition.graceDays();
        settings.maxSteps = definition.maxSteps();
        settings.version++;
        settings.updatedAt = Instant.now();
        settings.updatedBy = updatedBy;
        tiers.flush();
        TierLadderView after = view(settings, tiers.ladder(), config.zone());
        audit.record(
                updatedBy,
                AuditAction.TIER_LADDER_REPLACED,
                AuditTarget.TIER_LADDER,
                AuditTarget.TIER_LADDER_ID,
                before,
                after,
                null);
        UUID evaluationId = evaluations.start(TierEvaluations.Trigger.LADDER_CHANGE, after.version(), updatedBy);
        return new Replaced(after, evaluationId);
    }

    static void validate(LadderDefinition definition) {
        if (definition.periodKind() == null) {
            throw invalid("the period needs a kind: ROLLING, CALENDAR_YEAR or FISCAL_YEAR");
        }
        if (definition.windowMonths() < 1 || definition.windowMonths() > 60) {
            throw invalid("a rolling window is 1 to 60 months; " + definition.windowMonths() + " is not");
        }
        if (definition.fiscalStartMonth() < 1 || definition.fiscalStartMonth() > 12) {
            throw invalid("a fiscal year starts in month 1 to 12; " + definition.fiscalStartMonth() + " is not");
        }
        if (definition.graceDays() < 0 || definition.graceDays() > 3660) {
            throw invalid("graceDays is 0 to 3660");
        }
        if (definition.maxSteps() < 1 || definition.maxSteps() > 20) {
            throw invalid("maxSteps is 1 to 20");
        }
        validate(definition.tiers());
    }

    /**
     * Rules of the tiers: at least one; codes unique; the first tier has no threshold (everyone qualifies for it); every
     * tier above it has at least one threshold above 0; a threshold that a tier and the tier below both set is not lower
     * than below; no tier repeats the thresholds of the tier below; multipliers in (0, 10] with at most 3 decimals.
     */
    static void validate(List<TierDefinition> definitions) {
        if (definitions.isEmpty()) {
            throw invalid("the ladder needs at least one tier");
        }
        TierDefinition first = definitions.get(0);
        if (first.thresholdSpend() != 0 || first.minPurchases() != 0 || first.minPoints() != 0) {
            throw invalid("the first tier must start at a threshold of 0 (no spend, purchases or points required)");
        }
        Set<String> codes = new HashSet<>();
        TierDefinition previous = null;
        for (TierDefinition d : definitions) {
            if (!codes.add(d.code())) {
                throw invalid("tier code " + d.code() + " appears twice");
            }
            if (d.thresholdSpend() < 0 || d.minPurchases() < 0 || d.minPoints() < 0) {
                throw invalid("thresholds of " + d.code() + " must not be negative");
            }
            if (d.minPurchases() > Integer.MAX_VALUE) {
                throw invalid("minPurchases of " + d.code() + " is too large");
            }
            if (previous != null) {
                if (d.thresholdSpend() == 0 && d.minPurchases() == 0 && d.minPoints() == 0) {
                    throw invalid("tier " + d.code() + " needs at least one threshold above 0 (thresholdSpend, "
                            + "minPurchases or minPoints): thresholds must increase up the ladder");
                }
                if (lower(d.thresholdSpend(), previous.thresholdSpend())
                        || lower(d.minPurchases(), previous.minPurchases())
                        || lower(d.minPoints(), previous.minPoints())) {
                    throw invalid("thresholds must increase up the ladder; " + d.code() + " asks less than "
                            + previous.code());
                }
                if (d.thresholdSpend() == previous.thresholdSpend()
                        && d.minPurchases() == previous.minPurchases()
                        && d.minPoints() == previous.minPoints()
                        && d.qualifyBy() == previous.qualifyBy()) {
                    throw invalid(
                            "thresholds must strictly increase; " + d.code() + " asks the same as " + previous.code());
                }
            }
            if (d.multiplier().signum() <= 0 || d.multiplier().compareTo(MAX_MULTIPLIER) > 0) {
                throw invalid("multiplier of " + d.code() + " must be above 0 and at most 10");
            }
            if (d.multiplier().stripTrailingZeros().scale() > 3) {
                throw invalid("multiplier of " + d.code() + " has more than 3 decimals");
            }
            previous = d;
        }
    }

    /** Both set (above 0) and the upper one lower. */
    private static boolean lower(long upper, long below) {
        return upper > 0 && below > 0 && upper < below;
    }

    private static RuntimeException invalid(String detail) {
        return Problems.unprocessable("invalid-tier-ladder", "Invalid tier ladder", detail);
    }
}
