package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Cause;
import com.example.loyalty.points.domain.CouponStatus;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.domain.RewardStatus;
import com.example.loyalty.points.repository.CauseRepository;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.RewardRepository;
import com.example.loyalty.points.repository.TierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rewards catalogue that marketers and admins manage (docs/rewards.md), and what members see of it. Every change is
 * recorded in the audit log in its own transaction. A change locks the reward's row (FOR UPDATE), so its stock is read
 * and written while no redemption can take from it; redemptions take stock with a conditional update of the same row,
 * never by writing back a value they read.
 */
@ApplicationScoped
public class RewardService {

    private final RewardRepository rewards;
    private final CauseRepository causes;
    private final TierRepository tiers;
    private final MemberRepository members;
    private final Ledger ledger;
    private final AuditLog audit;

    public RewardService(
            RewardRepository rewards,
            CauseRepository causes,
            TierRepository tiers,
            MemberRepository members,
            Ledger ledger,
            AuditLog audit) {
        this.rewards = rewards;
        this.causes = causes;
        this.tiers = tiers;
        this.members = members;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** A reward as a marketer describes it; see docs/rewards.md for each field. */
    public record Definition(
            String name,
            String description,
            RewardKind kind,
            long pointsPrice,
            List<String> eligibleTiers,
            Instant validFrom,
            Instant validTo,
            Integer perMemberLimit,
            UUID causeId) {}

    /**
     * How a change touches the stock: at most one of {@code stock} (set it; on a limited stock only if it still is
     * {@code expectedStock}), {@code addStock} (add, or take with a negative number) and {@code unlimited} (true: no
     * limit any more). All null: the stock is left as it is.
     */
    public record StockChange(Long stock, Long expectedStock, Long addStock, Boolean unlimited) {
        public static final StockChange NONE = new StockChange(null, null, null, null);
    }

    @Transactional
    public RewardView create(Definition d, Long stock, String actor) {
        validate(d);
        if (d.kind() == RewardKind.DONATION) {
            requireCause(d.causeId());
        }
        if (d.validTo() != null && !d.validTo().isAfter(Instant.now())) {
            throw invalid("validTo is past: the reward could never be redeemed");
        }
        Instant now = Instant.now();
        Reward reward = new Reward();
        reward.id = UUID.randomUUID();
        reward.kind = d.kind();
        reward.causeId = d.causeId();
        reward.openAmount = false;
        apply(reward, d);
        reward.stock = stock;
        reward.status = RewardStatus.ACTIVE;
        reward.createdAt = now;
        reward.createdBy = actor;
        reward.updatedAt = now;
        reward.updatedBy = actor;
        rewards.persist(reward);
        RewardView after = RewardView.of(reward);
        audit.record(actor, AuditAction.REWARD_CREATED, AuditTarget.REWARD, reward.id.toString(), null, after, null);
        return withCounts(reward);
    }

    /**
     * Replaces the reward's descriptive fields and applies {@code stockChange}, with the reward's row locked; a change
     * that changes nothing records nothing. Its kind and cause cannot change.
     */
    @Transactional
    public RewardView change(UUID id, Definition d, StockChange stockChange, String actor) {
        Reward reward = rewards.lockById(id).orElseThrow(() -> notFound(id));
        if (reward.status == RewardStatus.RETIRED) {
            throw Problems.conflict(
                    "reward-retired", "Reward retired", "reward " + id + " is retired and cannot be changed");
        }
        if (d.kind() != null && d.kind() != reward.kind) {
            throw invalid("the kind of a reward cannot change (it is " + reward.kind + "): create another reward");
        }
        if (d.causeId() != null && !d.causeId().equals(reward.causeId)) {
            throw invalid("the cause of a donation reward cannot change: create another reward");
        }
        Definition kept = new Definition(
                d.name(),
                d.description(),
                reward.kind,
                d.pointsPrice(),
                d.eligibleTiers(),
                d.validFrom(),
                d.validTo(),
                d.perMemberLimit(),
                reward.causeId);
        validate(kept);
        RewardView before = RewardView.of(reward);
        apply(reward, kept);
        changeStock(reward, stockChange);
        if (before.content().equals(RewardView.of(reward).content())) {
            return withCounts(reward);
        }
        reward.updatedAt = Instant.now();
        reward.updatedBy = actor;
        RewardView after = RewardView.of(reward);
        audit.record(actor, AuditAction.REWARD_CHANGED, AuditTarget.REWARD, id.toString(), before, after, null);
        return withCounts(reward);
    }

    /** Retires the reward for good: no more redemptions; coupons issued stay valid. Retiring it again changes nothing. */
    @Transactional
    public RewardView retire(UUID id, String actor, String reason) {
        Reward reward = rewards.lockById(id).orElseThrow(() -> notFound(id));
        if (reward.status == RewardStatus.RETIRED) {
            return withCounts(reward);
        }
        if (reward.openAmount) {
            throw invalid("a cause's own donation reward follows its cause: deactivate the cause instead");
        }
        RewardView before = RewardView.of(reward);
        Instant now = Instant.now();
        reward.status = RewardStatus.RETIRED;
        reward.retiredAt = now;
        reward.updatedAt = now;
        reward.updatedBy = actor;
        RewardView after = RewardView.of(reward);
        audit.record(actor, AuditAction.REWARD_RETIRED, AuditTarget.REWARD, id.toString(), before, after, reason);
        return withCounts(reward);
    }

    /** The whole catalogue with stock and redemption counts, for marketers and admins; one status when given. */
    @Transactional
    public List<RewardView> managed(RewardStatus status) {
        List<Reward> all = rewards.catalogue(status);
        Map<UUID, Map<String, Long>> counts =
                rewards.countsByStatus(all.stream().map(r -> r.id).toList());
        return all.stream()
                .map(r -> RewardView.of(r, counts(counts.get(r.id)), null))
                .toList();
    }

    @Transactional
    public RewardView managed(UUID id) {
        return withCounts(rewards.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    private RewardView withCounts(Reward reward) {
        return RewardView.of(
                reward, counts(rewards.countsByStatus(List.of(reward.id)).get(reward.id)), null);
    }

    /**
     * The active catalogue as one member sees it: each reward flagged redeemable now or not and why; only the
     * redeemable ones unless {@code all}.
     */
    @Transactional
    public List<RewardView> forMember(String subject, boolean all) {
        Member member = members.findBySubject(subject).orElseThrow(RewardService::notEnrolled);
        Instant now = Instant.now();
        long available = ledger.available(member, now);
        Map<UUID, Long> held = rewards.standingOf(member.id);
        List<RewardView> views = new ArrayList<>();
        for (Reward reward : rewards.catalogue(RewardStatus.ACTIVE)) {
            RewardView view = forMember(reward, member, available, held.getOrDefault(reward.id, 0L), now);
            if (all || view.forMember().redeemable()) {
                views.add(view);
            }
        }
        return views;
    }

    /** One reward as a member sees it (retired ones too: they may hold its coupons). */
    @Transactional
    public RewardView forMember(String subject, UUID id) {
        Member member = members.findBySubject(subject).orElseThrow(RewardService::notEnrolled);
        Reward reward = rewards.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Instant now = Instant.now();
        return forMember(
                reward,
                member,
                ledger.available(member, now),
                rewards.standingOf(member.id).getOrDefault(id, 0L),
                now);
    }

    private RewardView forMember(Reward reward, Member member, long available, long held, Instant now) {
        Cause cause = reward.causeId == null ? null : causes.findById(reward.causeId);
        Optional<RewardRules.Unavailable> why = RewardRules.check(
                reward, cause, member.tierCode, held, available, reward.pointsPrice, reward.stock, now);
        return RewardView.of(
                reward,
                null,
                new RewardView.ForMember(why.isEmpty(), why.map(u -> u.kind).orElse(null), held));
    }

    private static RewardView.Counts counts(Map<String, Long> byStatus) {
        Map<String, Long> c = byStatus == null ? Map.of() : byStatus;
        return new RewardView.Counts(
                c.getOrDefault(CouponStatus.ISSUED.name(), 0L),
                c.getOrDefault(CouponStatus.FULFILLED.name(), 0L),
                c.getOrDefault(CouponStatus.VOIDED.name(), 0L),
                c.getOrDefault(CouponStatus.DONATED.name(), 0L));
    }

    private void changeStock(Reward reward, StockChange c) {
        int given = (c.stock() != null ? 1 : 0)
                + (c.addStock() != null ? 1 : 0)
                + (Boolean.TRUE.equals(c.unlimited()) ? 1 : 0);
        if (given > 1) {
            throw invalid("give at most one of stock, addStock and unlimitedStock");
        }
        if (c.expectedStock() != null && c.stock() == null) {
            throw invalid("expectedStock goes with stock");
        }
        if (c.addStock() != null) {
            if (reward.stock == null) {
                throw invalid("the stock is unlimited: set a stock instead of adding to it");
            }
            long now = reward.stock + c.addStock();
            if (now < 0) {
                throw Problems.conflict(
                        "stock-too-low",
                        "Stock too low",
                        "the stock is " + reward.stock + ", it cannot lose " + -c.addStock());
            }
            reward.stock = now;
        } else if (c.stock() != null) {
            if (reward.stock != null) {
                if (c.expectedStock() == null) {
                    throw invalid("setting a limited stock needs expectedStock (the stock you saw), or use addStock");
                }
                if (!c.expectedStock().equals(reward.stock)) {
                    throw Problems.conflict(
                            "stock-changed",
                            "Stock changed",
                            "the stock is " + reward.stock + " now, not " + c.expectedStock()
                                    + " (redemptions took some meanwhile): read it again");
                }
            } else if (c.expectedStock() != null) {
                throw Problems.conflict(
                        "stock-changed", "Stock changed", "the stock is unlimited, not " + c.expectedStock());
            }
            reward.stock = c.stock();
        } else if (Boolean.TRUE.equals(c.unlimited())) {
            reward.stock = null;
        }
    }

    private void apply(Reward reward, Definition d) {
        reward.name = d.name().strip();
        reward.description = d.description() == null || d.description().isBlank()
                ? null
                : d.description().strip();
        reward.pointsPrice = d.pointsPrice();
        reward.eligibleTiers = d.eligibleTiers() == null
                ? new String[0]
                : new LinkedHashSet<>(d.eligibleTiers()).toArray(String[]::new);
        reward.validFrom = d.validFrom();
        reward.validTo = d.validTo();
        reward.perMemberLimit = d.perMemberLimit();
    }

    /** What Bean Validation on the request cannot say. */
    private void validate(Definition d) {
        if (d.kind() == null) {
            throw invalid("kind is required");
        }
        if (d.validFrom() != null && d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            throw invalid("validTo must be after validFrom");
        }
        if (d.kind() == RewardKind.DONATION && d.causeId() == null) {
            throw invalid("a DONATION reward names its causeId");
        }
        if (d.kind() != RewardKind.DONATION && d.causeId() != null) {
            throw invalid("only a DONATION reward names a causeId");
        }
        if (d.eligibleTiers() != null) {
            for (String code : d.eligibleTiers()) {
                if (tiers.findByIdOptional(code).isEmpty()) {
                    throw invalid("no tier " + code + " in the ladder (GET /api/points/tiers)");
                }
            }
        }
    }

    private Cause requireCause(UUID causeId) {
        return causes.findByIdOptional(causeId)
                .orElseThrow(() -> invalid("no cause " + causeId + " (POST /api/points/causes first)"));
    }

    static RuntimeException notFound(UUID id) {
        return Problems.notFound("reward-not-found", "Reward not found", "no reward with id " + id);
    }

    static RuntimeException notEnrolled() {
        return Problems.notFound(
                "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first");
    }

    static RuntimeException invalid(String detail) {
        return Problems.unprocessable("invalid-reward", "Invalid reward", detail);
    }
}
