package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsRedeemed;
import com.example.loyalty.events.RedemptionCancelled;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Cause;
import com.example.loyalty.points.domain.CouponStatus;
import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Redemption;
import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.domain.RewardStatus;
import com.example.loyalty.points.repository.CauseRepository;
import com.example.loyalty.points.repository.LedgerRepository;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.RedemptionRepository;
import com.example.loyalty.points.repository.RewardRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Redeeming rewards and donating to causes, and the coupons staff fulfil or void at the till (docs/rewards.md).
 *
 * <p><b>Never oversold.</b> A redemption runs in one transaction with the member's row locked (as every write that moves
 * points): the checks, the debit (available points, soonest-expiring lot first, through {@link Ledger#debit}), the
 * redemption row with its coupon, and last the stock: one conditional {@code UPDATE reward SET stock = stock - 1 WHERE
 * ... stock > 0}. That statement locks the reward's row, so concurrent redemptions of it queue there and each sees the
 * stock the one before left; the one that finds none is refused (409) and its whole transaction, debit included, is
 * rolled back. Taking the stock last keeps the reward's row locked only for the end of the transaction.
 *
 * <p><b>No deadlocks.</b> Locks are always taken in the same order: the member's row, then the redemption, then the
 * reward's row. A redemption, a fulfilment and a void each lock one member and at most one reward; a marketer's change
 * locks only the reward. No transaction locks a reward and then a member, so no cycle can form.
 */
@ApplicationScoped
public class RewardRedemptionService {

    /** Reason of the entry that gives a voided coupon's points back. */
    public static final String VOIDED = "coupon voided";

    private static final int COUPON_ATTEMPTS = 8;

    private final MemberRepository members;
    private final RewardRepository rewards;
    private final CauseRepository causes;
    private final RedemptionRepository redemptions;
    private final LedgerRepository entries;
    private final Ledger ledger;
    private final AuditLog audit;
    private final OutboxWriter outbox;
    private final MeterRegistry registry;

    public RewardRedemptionService(
            MemberRepository members,
            RewardRepository rewards,
            CauseRepository causes,
            RedemptionRepository redemptions,
            LedgerRepository entries,
            Ledger ledger,
            AuditLog audit,
            OutboxWriter outbox,
            MeterRegistry registry) {
        this.members = members;
        this.rewards = rewards;
        this.causes = causes;
        this.redemptions = redemptions;
        this.entries = entries;
        this.ledger = ledger;
        this.audit = audit;
        this.outbox = outbox;
        this.registry = registry;
    }

    /**
     * @param idempotencyKey the caller's key (null: none, every request is a new redemption)
     * @param points         what a donation of an open-amount reward gives (null: the reward's price)
     */
    public record RedeemCommand(UUID rewardId, String subject, String idempotencyKey, Long points) {}

    /** A reward redemption or donation, first or replayed; {@code balance} is the member's balance right after it. */
    public record Result(
            UUID redemptionId,
            String couponCode,
            UUID rewardId,
            String rewardName,
            RewardKind kind,
            long points,
            UUID causeId,
            Long matchedPoints,
            CouponStatus status,
            long balance,
            String idempotencyKey,
            Instant createdAt,
            boolean replayed) {}

    /** Redeems the reward for the member signed in as {@code subject}: 201, or a replay of the same key. */
    public Result redeem(RedeemCommand command) {
        String key = command.idempotencyKey() != null ? command.idempotencyKey() : "auto-" + UUID.randomUUID();
        // a lost race on a unique key (the same idempotency key twice at once, a coupon code drawn twice) is redone in
        // a
        // fresh transaction: a replay, or a new code
        return Transactions.withUniqueRaceFallback(() -> redeemOnce(command, key), () -> redeemOnce(command, key));
    }

    private Result redeemOnce(RedeemCommand command, String key) {
        Member member = members.lockBySubject(command.subject()).orElseThrow(RewardService::notEnrolled);
        Reward reward = rewards.findByIdOptional(command.rewardId())
                .orElseThrow(() -> RewardService.notFound(command.rewardId()));
        var existing = redemptions.findByKey(member.id, key);
        if (existing.isPresent()) {
            Redemption first = existing.get();
            if (!reward.id.equals(first.rewardId) || (command.points() != null && command.points() != first.points)) {
                throw Problems.conflict(
                        "idempotency-key-reused",
                        "Idempotency key already used",
                        "key " + key + " was used for another redemption (" + first.points + " points"
                                + (first.rewardId == null ? "" : ", reward " + first.rewardId) + ")");
            }
            return result(first, reward, true);
        }
        long points = price(reward, command.points());
        Instant now = Instant.now();
        Cause cause = reward.causeId == null ? null : causes.findById(reward.causeId);
        long held = reward.perMemberLimit == null ? 0 : redemptions.standing(member.id, reward.id);
        long available = ledger.available(member, now);
        RewardRules.check(reward, cause, member.tierCode, held, available, points, reward.stock, now)
                .ifPresent(why -> {
                    throw refusal(why, reward, member, held, available, points);
                });

        Redemption redemption = new Redemption();
        redemption.id = UUID.randomUUID();
        String reason = cause != null
                ? "donation to cause " + cause.id + " (" + clip(cause.name, 200) + ")"
                : "reward " + reward.id + " (" + clip(reward.name, 200) + ")";
        try {
            redemption.entryId = ledger.debit(
                            member,
                            LedgerKind.REDEEM,
                            points,
                            RedemptionService.REFERENCE_TYPE,
                            redemption.id.toString(),
                            reason)
                    .id;
        } catch (Ledger.InsufficientPointsException e) {
            throw refusal(RewardRules.Unavailable.INSUFFICIENT_POINTS, reward, member, held, e.available(), points);
        }
        redemption.memberId = member.id;
        redemption.idempotencyKey = key;
        redemption.points = points;
        redemption.reason = reason;
        redemption.createdAt = now;
        redemption.createdBy = command.subject();
        redemption.balanceAfter = member.balance;
        redemption.rewardId = reward.id;
        if (cause != null) {
            redemption.causeId = cause.id;
            redemption.status = CouponStatus.DONATED;
            redemption.matchedPoints = matched(points, cause.matchingRatio);
        } else {
            redemption.status = CouponStatus.ISSUED;
            redemption.couponCode = newCouponCode();
        }
        redemptions.persist(redemption);
        Transactions.flushDetectingRace(redemptions.getEntityManager());
        // last: the reward's row stays locked only from here to the commit
        if (reward.stock != null && !rewards.takeOne(reward.id)) {
            throw rewards.currentStatus(reward.id) == RewardStatus.RETIRED
                    ? refusal(RewardRules.Unavailable.RETIRED, reward, member, held, available, points)
                    : refusal(RewardRules.Unavailable.OUT_OF_STOCK, reward, member, held, available, points);
        }
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_REDEEMED,
                PointsRedeemed.SCHEMA_VERSION,
                member.id.toString(),
                new PointsRedeemed(key, points, reason, member.balance));
        registry.counter("loyalty.rewards.redeemed", "kind", reward.kind.name()).increment();
        registry.counter("loyalty.rewards.points", "kind", reward.kind.name()).increment(points);
        return result(redemption, reward, false);
    }

    /** What a coupon is, for staff at the till; {@code balances} after a void (null otherwise). */
    public record Coupon(
            String couponCode,
            UUID redemptionId,
            UUID rewardId,
            String rewardName,
            RewardKind kind,
            UUID memberId,
            String cardCode,
            long points,
            CouponStatus status,
            Instant createdAt,
            Instant fulfilledAt,
            String fulfilledBy,
            Instant voidedAt,
            String voidedBy,
            Ledger.Balances balances,
            boolean replayed) {}

    /** What the audit log keeps of a coupon, before and after its void. */
    record CouponState(
            String couponCode,
            UUID rewardId,
            UUID memberId,
            long points,
            CouponStatus status,
            Instant voidedAt,
            String voidedBy) {

        static CouponState of(Redemption r) {
            return new CouponState(
                    r.couponCode, r.rewardId, r.memberId, r.points, r.status, r.cancelledAt, r.cancelledBy);
        }
    }

    @Transactional
    public Coupon coupon(String typed) {
        Redemption r = findCoupon(typed);
        return coupon(r, null, false);
    }

    /**
     * Staff hand the reward over: ISSUED becomes FULFILLED, audited (COUPON_FULFILLED). Again: answered as it is
     * ({@code replayed}), not audited again. A voided coupon cannot be fulfilled (409).
     */
    @Transactional
    public Coupon fulfil(String typed, String actor) {
        Redemption r = lockCoupon(typed);
        if (r.status == CouponStatus.FULFILLED) {
            return coupon(r, null, true);
        }
        if (r.status == CouponStatus.VOIDED) {
            throw Problems.conflict(
                    "coupon-voided", "Coupon voided", "coupon " + r.couponCode + " was voided at " + r.cancelledAt);
        }
        CouponState before = CouponState.of(r);
        r.status = CouponStatus.FULFILLED;
        r.fulfilledAt = Instant.now();
        r.fulfilledBy = actor;
        audit.record(
                actor,
                AuditAction.COUPON_FULFILLED,
                AuditTarget.REDEMPTION,
                r.id.toString(),
                before,
                CouponState.of(r),
                null);
        return coupon(r, null, false);
    }

    /**
     * Voids a coupon: its points go back to the very lots they came from (a REVERSE entry; they pay the member's debt
     * first), the stock gets one back, and the void is audited (COUPON_VOIDED) and announced (RedemptionCancelled).
     * Again: answered as it is ({@code replayed}). A fulfilled coupon cannot be voided (409).
     */
    @Transactional
    public Coupon voidCoupon(String typed, String actor, String reason) {
        Redemption r = lockCoupon(typed);
        Member member = members.lockById(r.memberId).orElseThrow();
        Instant now = Instant.now();
        if (r.status == CouponStatus.VOIDED) {
            return coupon(r, ledger.balances(member, now), true);
        }
        if (r.status == CouponStatus.FULFILLED) {
            throw Problems.conflict(
                    "coupon-fulfilled",
                    "Coupon fulfilled",
                    "coupon " + r.couponCode + " was fulfilled at " + r.fulfilledAt + ": it cannot be voided");
        }
        CouponState before = CouponState.of(r);
        LedgerEntry debit = entries.findByIdOptional(r.entryId)
                .orElseThrow(() -> new IllegalStateException("redemption " + r.id + " has no ledger entry"));
        if (!debit.memberId.equals(member.id)) {
            // redeemed before its member was merged: the debit stays on the merged member's ledger
            throw Problems.conflict(
                    "member-merged",
                    "Member merged",
                    "coupon " + r.couponCode + " was redeemed by a member merged since; an admin adjusts the points");
        }
        ledger.restore(member, debit, RedemptionService.REFERENCE_TYPE, r.id.toString(), VOIDED);
        r.status = CouponStatus.VOIDED;
        r.cancelledAt = now;
        r.cancelledBy = actor;
        // the reward's row after the member's, as a redemption takes them
        rewards.giveBackOne(r.rewardId);
        audit.record(
                actor,
                AuditAction.COUPON_VOIDED,
                AuditTarget.REDEMPTION,
                r.id.toString(),
                before,
                CouponState.of(r),
                reason);
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.REDEMPTION_CANCELLED,
                RedemptionCancelled.SCHEMA_VERSION,
                member.id.toString(),
                new RedemptionCancelled(r.idempotencyKey, r.points, member.balance));
        registry.counter("loyalty.rewards.voided").increment();
        return coupon(r, ledger.balances(member, now), false);
    }

    /** A page of the member's reward redemptions and donations, newest first. */
    public record MyRewards(List<Result> items, long total, int page, int size) {}

    @Transactional
    public MyRewards mine(String subject, int page, int size) {
        Member member = members.findBySubject(subject).orElseThrow(RewardService::notEnrolled);
        List<Result> items = redemptions.rewardsOf(member.id, page, size).stream()
                .map(r -> result(r, rewards.findById(r.rewardId), false))
                .toList();
        return new MyRewards(items, redemptions.countRewardsOf(member.id), page, size);
    }

    private Redemption findCoupon(String typed) {
        String code = CouponCodes.canonical(typed)
                .orElseThrow(() -> Problems.badRequest(
                        "invalid-coupon-code",
                        "Invalid coupon code",
                        "a coupon code is 16 symbols of Crockford base32 with a valid check symbol; check for typos"));
        return redemptions
                .findByCoupon(code)
                .orElseThrow(() -> Problems.notFound("coupon-not-found", "Coupon not found", "no coupon " + code));
    }

    /** The coupon's redemption, read again once its member's row is locked (every change of it takes that lock). */
    private Redemption lockCoupon(String typed) {
        Redemption found = findCoupon(typed);
        members.lockById(found.memberId).orElseThrow();
        redemptions.getEntityManager().refresh(found);
        return found;
    }

    private Coupon coupon(Redemption r, Ledger.Balances balances, boolean replayed) {
        Reward reward = rewards.findById(r.rewardId);
        Member member = members.findById(r.memberId);
        return new Coupon(
                r.couponCode,
                r.id,
                r.rewardId,
                reward.name,
                reward.kind,
                r.memberId,
                member.cardCode,
                r.points,
                r.status,
                r.createdAt,
                r.fulfilledAt,
                r.fulfilledBy,
                r.cancelledAt,
                r.cancelledBy,
                balances,
                replayed);
    }

    private static Result result(Redemption r, Reward reward, boolean replayed) {
        return new Result(
                r.id,
                r.couponCode,
                r.rewardId,
                reward.name,
                reward.kind,
                r.points,
                r.causeId,
                r.matchedPoints,
                r.status,
                r.balanceAfter,
                r.idempotencyKey,
                r.createdAt,
                replayed);
    }

    /** What the redemption costs: the price, or for an open-amount donation what the member gives (at least it). */
    private static long price(Reward reward, Long points) {
        if (points == null) {
            return reward.pointsPrice;
        }
        if (!reward.openAmount) {
            if (points != reward.pointsPrice) {
                throw Problems.unprocessable(
                        "fixed-price",
                        "Fixed price",
                        "reward " + reward.id + " costs " + reward.pointsPrice + " points, no other amount");
            }
            return points;
        }
        if (points < reward.pointsPrice) {
            throw Problems.unprocessable(
                    "donation-too-small",
                    "Donation too small",
                    "a donation to this cause is at least " + reward.pointsPrice + " points");
        }
        return points;
    }

    /** The brand's matched points of a donation: {@code floor(points × ratio)}. */
    static long matched(long points, BigDecimal ratio) {
        if (ratio == null || ratio.signum() == 0) {
            return 0;
        }
        return BigDecimal.valueOf(points)
                .multiply(ratio)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** A fresh code no coupon holds; a code drawn twice at the same instant is caught by the unique index. */
    private String newCouponCode() {
        for (int i = 0; i < COUPON_ATTEMPTS; i++) {
            String code = CouponCodes.generate();
            if (!redemptions.couponTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free coupon code in " + COUPON_ATTEMPTS + " draws");
    }

    private static RuntimeException refusal(
            RewardRules.Unavailable why, Reward reward, Member member, long held, long available, long points) {
        String detail = switch (why) {
            case RETIRED -> "reward " + reward.id + " is retired";
            case NOT_YET_VALID -> "reward " + reward.id + " can be redeemed from " + reward.validFrom;
            case ENDED -> "reward " + reward.id + " could be redeemed until " + reward.validTo;
            case CAUSE_CLOSED -> "cause " + reward.causeId + " takes no donations now";
            case TIER_NOT_ELIGIBLE ->
                "reward " + reward.id + " is for the tiers " + String.join(", ", reward.eligibleTiers) + "; yours is "
                        + member.tierCode;
            case LIMIT_REACHED ->
                "a member may hold " + reward.perMemberLimit + " of reward " + reward.id + "; you hold " + held;
            case OUT_OF_STOCK -> "reward " + reward.id + " is out of stock";
            case INSUFFICIENT_POINTS -> "available are " + available + " points, the reward needs " + points;
        };
        String title = switch (why) {
            case RETIRED -> "Reward retired";
            case NOT_YET_VALID -> "Reward not yet valid";
            case ENDED -> "Reward ended";
            case CAUSE_CLOSED -> "Cause closed";
            case TIER_NOT_ELIGIBLE -> "Tier not eligible";
            case LIMIT_REACHED -> "Per-member limit reached";
            case OUT_OF_STOCK -> "Out of stock";
            case INSUFFICIENT_POINTS -> "Insufficient points";
        };
        return why.status == 403
                ? Problems.forbidden(why.kind, title, detail)
                : Problems.conflict(why.kind, title, detail);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
