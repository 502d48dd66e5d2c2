package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Tier;
import com.example.loyalty.points.domain.TierLadder;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.TierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and replaces the tier ladder. */
@ApplicationScoped
public class TierService {

    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("10");

    private final TierRepository tiers;
    private final MemberRepository members;
    private final TierLadderCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditLog audit;

    public TierService(
            TierRepository tiers,
            MemberRepository members,
            TierLadderCache cache,
            TransactionSynchronizationRegistry transactions,
            AuditLog audit) {
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
        TierLadder settings = tiers.settings();
        return TierLadderView.of(settings.windowMonths, settings.version, tiers.ladder());
    }

    /** A tier as a marketer defines it; the order of the list is the rank. */
    public record TierDefinition(String code, String name, long thresholdSpend, BigDecimal multiplier) {}

    /**
     * Replaces the whole ladder. Rules: at least one tier, codes unique, the first tier starts at 0, thresholds
     * strictly increase, multipliers in (0, 10]. A tier that members hold cannot be removed. Changes apply from
     * the next purchase: upgrades at once, no member is downgraded here. Audited as TIER_LADDER_REPLACED with the
     * ladder before and after.
     */
    @Transactional
    public TierLadderView replace(int windowMonths, List<TierDefinition> definitions, String updatedBy) {
        validate(definitions);
        // this instance forgets the old ladder right after the commit, before it answers; the others on the NOTIFY
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                cache.invalidate();
            }
        });
        TierLadder settings = tiers.lockSettings();
        TierLadderView before = TierLadderView.of(settings.windowMonths, settings.version, tiers.ladder());
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
            if (added) {
                tiers.persist(tier);
            }
        }
        settings.windowMonths = windowMonths;
        settings.version++;
        settings.updatedAt = Instant.now();
        settings.updatedBy = updatedBy;
        tiers.flush();
        TierLadderView after = TierLadderView.of(settings.windowMonths, settings.version, tiers.ladder());
        audit.record(
                updatedBy,
                AuditAction.TIER_LADDER_REPLACED,
                AuditTarget.TIER_LADDER,
                AuditTarget.TIER_LADDER_ID,
                before,
                after,
                null);
        return after;
    }

    static void validate(List<TierDefinition> definitions) {
        if (definitions.isEmpty()) {
            throw invalid("the ladder needs at least one tier");
        }
        if (definitions.get(0).thresholdSpend() != 0) {
            throw invalid("the first tier must start at a threshold of 0");
        }
        Set<String> codes = new HashSet<>();
        long previous = -1;
        for (TierDefinition d : definitions) {
            if (!codes.add(d.code())) {
                throw invalid("tier code " + d.code() + " appears twice");
            }
            if (d.thresholdSpend() <= previous) {
                throw invalid("thresholds must strictly increase; " + d.code() + " has " + d.thresholdSpend());
            }
            if (d.multiplier().signum() <= 0 || d.multiplier().compareTo(MAX_MULTIPLIER) > 0) {
                throw invalid("multiplier of " + d.code() + " must be above 0 and at most 10");
            }
            if (d.multiplier().stripTrailingZeros().scale() > 3) {
                throw invalid("multiplier of " + d.code() + " has more than 3 decimals");
            }
            previous = d.thresholdSpend();
        }
    }

    private static RuntimeException invalid(String detail) {
        return Problems.unprocessable("invalid-tier-ladder", "Invalid tier ladder", detail);
    }
}
