package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Cause;
import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.domain.RewardStatus;
import com.example.loyalty.points.repository.CauseRepository;
import com.example.loyalty.points.repository.RewardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Causes members donate points to (docs/rewards.md, "Social contribution"). Each cause has a DONATION reward of its own
 * behind it (open amount, from 1 point, unlimited, every tier): a donation is a redemption of that reward, so it takes
 * the rewards path ({@link RewardRedemptionService}): the member's lock, available points soonest-expiring first, the
 * idempotency key, the outbox. Totals are summed from the donations when read, so they are exact under any concurrency.
 */
@ApplicationScoped
public class CauseService {

    /** The least a donation through {@code POST /causes/{id}/donations} gives. */
    static final long MINIMUM_DONATION = 1;

    private final CauseRepository causes;
    private final RewardRepository rewards;
    private final RewardRedemptionService redemptions;
    private final AuditLog audit;

    public CauseService(
            CauseRepository causes, RewardRepository rewards, RewardRedemptionService redemptions, AuditLog audit) {
        this.causes = causes;
        this.rewards = rewards;
        this.redemptions = redemptions;
        this.audit = audit;
    }

    /** A cause as a marketer describes it. {@code matchingRatio} null: 0; {@code active} null: unchanged (new: true). */
    public record Definition(
            String name,
            String description,
            BigDecimal matchingRatio,
            Boolean active,
            Instant validFrom,
            Instant validTo) {}

    /** A cause with its totals; {@code open}: members can donate now. */
    public record CauseView(
            UUID id,
            String name,
            String description,
            BigDecimal matchingRatio,
            boolean active,
            Instant validFrom,
            Instant validTo,
            boolean open,
            UUID rewardId,
            long donatedPoints,
            long matchedPoints,
            long donors,
            long donations,
            Instant createdAt,
            Instant updatedAt) {}

    /** What the audit log keeps of a cause. */
    record CauseState(
            String name,
            String description,
            BigDecimal matchingRatio,
            boolean active,
            Instant validFrom,
            Instant validTo,
            UUID rewardId) {

        static CauseState of(Cause c, UUID rewardId) {
            return new CauseState(c.name, c.description, c.matchingRatio, c.active, c.validFrom, c.validTo, rewardId);
        }
    }

    @Transactional
    public CauseView create(Definition d, String actor) {
        validate(d);
        if (Boolean.FALSE.equals(d.active())) {
            throw invalid("a new cause is active; deactivate it with a PUT");
        }
        Instant now = Instant.now();
        Cause cause = new Cause();
        cause.id = UUID.randomUUID();
        apply(cause, d);
        cause.active = true;
        cause.createdAt = now;
        cause.createdBy = actor;
        cause.updatedAt = now;
        cause.updatedBy = actor;
        causes.persist(cause);

        Reward reward = new Reward();
        reward.id = UUID.randomUUID();
        reward.name = rewardName(cause.name);
        reward.kind = RewardKind.DONATION;
        reward.pointsPrice = MINIMUM_DONATION;
        reward.stock = null;
        reward.eligibleTiers = new String[0];
        reward.status = RewardStatus.ACTIVE;
        reward.causeId = cause.id;
        reward.openAmount = true;
        reward.createdAt = now;
        reward.createdBy = actor;
        reward.updatedAt = now;
        reward.updatedBy = actor;
        rewards.persist(reward);

        audit.record(
                actor,
                AuditAction.CAUSE_CREATED,
                AuditTarget.CAUSE,
                cause.id.toString(),
                null,
                CauseState.of(cause, reward.id),
                null);
        return view(cause, reward.id, CauseRepository.Totals.NONE, now);
    }

    /** Replaces the cause's fields (active null: unchanged); a change that changes nothing records nothing. */
    @Transactional
    public CauseView change(UUID id, Definition d, String actor) {
        validate(d);
        Cause cause = causes.lockById(id).orElseThrow(() -> notFound(id));
        Reward reward = rewards.openRewardOf(id).orElseThrow();
        CauseState before = CauseState.of(cause, reward.id);
        apply(cause, d);
        if (d.active() != null) {
            cause.active = d.active();
        }
        CauseState after = CauseState.of(cause, reward.id);
        Instant now = Instant.now();
        if (!before.equals(after)) {
            cause.updatedAt = now;
            cause.updatedBy = actor;
            if (!reward.name.equals(rewardName(cause.name))) {
                reward.name = rewardName(cause.name);
                reward.updatedAt = now;
                reward.updatedBy = actor;
            }
            audit.record(actor, AuditAction.CAUSE_CHANGED, AuditTarget.CAUSE, id.toString(), before, after, null);
        }
        return view(cause, reward.id, totals(id), now);
    }

    /** Every cause with its totals; inactive ones only if {@code withInactive}. */
    @Transactional
    public List<CauseView> list(boolean withInactive) {
        List<Cause> all = causes.all(withInactive);
        Map<UUID, CauseRepository.Totals> totals =
                causes.totals(all.stream().map(c -> c.id).toList());
        Instant now = Instant.now();
        return all.stream()
                .map(c -> view(
                        c,
                        rewards.openRewardOf(c.id).map(r -> r.id).orElse(null),
                        totals.getOrDefault(c.id, CauseRepository.Totals.NONE),
                        now))
                .toList();
    }

    @Transactional
    public CauseView get(UUID id) {
        Cause cause = causes.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return view(cause, rewards.openRewardOf(id).map(r -> r.id).orElse(null), totals(id), Instant.now());
    }

    /** A donation, with the cause's totals right after it (the donation included). */
    public record Donation(RewardRedemptionService.Result redemption, CauseView cause) {}

    /** The member signed in as {@code subject} gives {@code points} to the cause, through its donation reward. */
    public Donation donate(UUID causeId, String subject, String idempotencyKey, long points) {
        Reward reward = rewards.openRewardOf(causeId).orElseThrow(() -> notFound(causeId));
        var result = redemptions.redeem(
                new RewardRedemptionService.RedeemCommand(reward.id, subject, idempotencyKey, points));
        return new Donation(result, get(causeId));
    }

    private CauseRepository.Totals totals(UUID id) {
        return causes.totals(List.of(id)).getOrDefault(id, CauseRepository.Totals.NONE);
    }

    private static CauseView view(Cause c, UUID rewardId, CauseRepository.Totals t, Instant now) {
        return new CauseView(
                c.id,
                c.name,
                c.description,
                c.matchingRatio,
                c.active,
                c.validFrom,
                c.validTo,
                c.openAt(now),
                rewardId,
                t.donatedPoints(),
                t.matchedPoints(),
                t.donors(),
                t.donations(),
                c.createdAt,
                c.updatedAt);
    }

    private static void apply(Cause cause, Definition d) {
        cause.name = d.name().strip();
        cause.description = d.description() == null || d.description().isBlank()
                ? null
                : d.description().strip();
        BigDecimal ratio = d.matchingRatio() == null ? BigDecimal.ZERO : d.matchingRatio();
        // as the column keeps it, so an unchanged ratio compares equal
        cause.matchingRatio = ratio.setScale(4, java.math.RoundingMode.UNNECESSARY);
        cause.validFrom = d.validFrom();
        cause.validTo = d.validTo();
    }

    private static void validate(Definition d) {
        if (d.validFrom() != null && d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            throw invalid("validTo must be after validFrom");
        }
        if (d.matchingRatio() != null && d.matchingRatio().stripTrailingZeros().scale() > 4) {
            throw invalid("matchingRatio has at most 4 decimals");
        }
    }

    private static String rewardName(String causeName) {
        String name = "Donation to " + causeName;
        return name.length() <= 200 ? name : name.substring(0, 197) + "...";
    }

    static RuntimeException notFound(UUID id) {
        return Problems.notFound("cause-not-found", "Cause not found", "no cause with id " + id);
    }

    private static RuntimeException invalid(String detail) {
        return Problems.unprocessable("invalid-cause", "Invalid cause", detail);
    }
}
