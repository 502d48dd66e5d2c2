package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsRedeemed;
import com.example.loyalty.events.RedemptionCancelled;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Redemption;
import com.example.loyalty.points.repository.LedgerRepository;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.RedemptionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Spends points, and gives them back when staff cancel a redemption. The member row is locked for the whole
 * check-and-debit, so concurrent redemptions are serialised and a balance never goes below zero; only available points
 * can be spent (not pending ones); the idempotency key makes a retried request a replay.
 */
@ApplicationScoped
public class RedemptionService {

    /** Reference type of a redemption's ledger entries; the reference is the redemption id. */
    public static final String REFERENCE_TYPE = "REDEMPTION";
    /** The reason of the entry that gives a cancelled redemption's points back. */
    public static final String CANCELLED = "redemption cancelled";

    private final MemberRepository members;
    private final RedemptionRepository redemptions;
    private final LedgerRepository entries;
    private final Ledger ledger;
    private final AuditLog audit;
    private final OutboxWriter outbox;
    private final Counter pointsRedeemed;
    private final Counter cancelled;

    public RedemptionService(
            MemberRepository members,
            RedemptionRepository redemptions,
            LedgerRepository entries,
            Ledger ledger,
            AuditLog audit,
            OutboxWriter outbox,
            MeterRegistry registry) {
        this.members = members;
        this.redemptions = redemptions;
        this.entries = entries;
        this.ledger = ledger;
        this.audit = audit;
        this.outbox = outbox;
        this.pointsRedeemed = Counter.builder("loyalty.points.redeemed")
                .description("points redeemed")
                .register(registry);
        this.cancelled = Counter.builder("loyalty.points.redemptions.cancelled")
                .description("points of cancelled redemptions given back")
                .register(registry);
    }

    /**
     * @param callerSubject token subject of the caller
     * @param atTill        true when staff (or an admin) redeem for a member; false when a member redeems for
     *                      themselves
     */
    public record RedemptionCommand(
            String idempotencyKey, String cardCode, long points, String reason, String callerSubject, boolean atTill) {}

    /** The outcome of a redemption, first or replayed. */
    public record RedemptionResult(
            UUID redemptionId,
            String idempotencyKey,
            UUID memberId,
            long points,
            long balance,
            String reason,
            Instant createdAt,
            boolean replayed) {

        static RedemptionResult of(Redemption r, boolean replayed) {
            return new RedemptionResult(
                    r.id, r.idempotencyKey, r.memberId, r.points, r.balanceAfter, r.reason, r.createdAt, replayed);
        }
    }

    public RedemptionResult redeem(RedemptionCommand command) {
        return Transactions.withUniqueRaceFallback(() -> redeemOnce(command), () -> redeemOnce(command));
    }

    private RedemptionResult redeemOnce(RedemptionCommand command) {
        Member member = lockTarget(command);
        var existing = redemptions.findByKey(member.id, command.idempotencyKey());
        if (existing.isPresent()) {
            Redemption first = existing.get();
            if (first.points != command.points() || first.rewardId != null) {
                throw Problems.conflict(
                        "idempotency-key-reused",
                        "Idempotency key already used",
                        "key " + command.idempotencyKey() + " was used for a redemption of " + first.points
                                + " points");
            }
            return RedemptionResult.of(first, true);
        }
        Redemption redemption = new Redemption();
        redemption.id = UUID.randomUUID();
        try {
            // available points only, soonest-expiring lot first; the lots it takes are recorded, so a cancellation
            // gives back the very same ones
            redemption.entryId = ledger.debit(
                            member,
                            LedgerKind.REDEEM,
                            command.points(),
                            REFERENCE_TYPE,
                            redemption.id.toString(),
                            command.reason())
                    .id;
        } catch (Ledger.InsufficientPointsException e) {
            long pending = member.balance - e.available();
            throw Problems.conflict(
                    "insufficient-points",
                    "Insufficient points",
                    "available are " + e.available() + " points"
                            + (pending > 0 ? " (" + pending + " more pending)" : "") + ", the redemption needs "
                            + command.points());
        }
        redemption.memberId = member.id;
        redemption.idempotencyKey = command.idempotencyKey();
        redemption.points = command.points();
        redemption.reason = command.reason();
        redemption.createdAt = Instant.now();
        redemption.createdBy = command.callerSubject();
        redemption.balanceAfter = member.balance;
        redemptions.persist(redemption);
        Transactions.flushDetectingRace(redemptions.getEntityManager());
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_REDEEMED,
                PointsRedeemed.SCHEMA_VERSION,
                member.id.toString(),
                new PointsRedeemed(command.idempotencyKey(), command.points(), command.reason(), member.balance));
        pointsRedeemed.increment(command.points());
        return RedemptionResult.of(redemption, false);
    }

    /** The outcome of a cancellation, first or repeated, with the member's points after it. */
    public record CancelResult(
            UUID redemptionId,
            String idempotencyKey,
            UUID memberId,
            long points,
            Ledger.Balances balances,
            Instant cancelledAt,
            String cancelledBy,
            boolean replayed) {}

    /** What the audit log keeps of a redemption, before and after its cancellation. */
    record RedemptionState(long points, String reason, Instant createdAt, Instant cancelledAt, String cancelledBy) {

        static RedemptionState of(Redemption r) {
            return new RedemptionState(r.points, r.reason, r.createdAt, r.cancelledAt, r.cancelledBy);
        }
    }

    /**
     * Cancels a redemption: its points go back to the very lots it took them from (a {@code REVERSE} entry; they pay
     * the member's debt first, if any), and it is marked cancelled, audited and announced ({@code RedemptionCancelled}).
     * Idempotent: a cancelled redemption is answered as it is ({@code replayed}), nothing changes.
     *
     * @param callerSubject token subject of the staff member or admin
     * @param reason        why, for the audit log (null: not given)
     */
    @Transactional
    public CancelResult cancel(UUID redemptionId, String callerSubject, String reason) {
        Redemption found = redemptions
                .findByIdOptional(redemptionId)
                .orElseThrow(() -> Problems.notFound(
                        "redemption-not-found", "Redemption not found", "no redemption with id " + redemptionId));
        Member member = members.lockById(found.memberId).orElseThrow();
        // under the member's lock, which every cancellation takes first: a cancellation committed meanwhile shows now
        redemptions.getEntityManager().refresh(found);
        Redemption redemption = found;
        if (redemption.rewardId != null) {
            // a reward's coupon gives its stock back too (POST /api/points/coupons/{code}/void); donations are final
            throw Problems.conflict(
                    "reward-redemption",
                    "Reward redemption",
                    redemption.couponCode != null
                            ? "redemption " + redemptionId + " is a reward's coupon: void it at POST "
                                    + "/api/points/coupons/" + redemption.couponCode + "/void"
                            : "redemption " + redemptionId + " is a donation to a cause; donations are final");
        }
        Instant now = Instant.now();
        if (redemption.cancelledAt != null) {
            return cancelResult(redemption, ledger.balances(member, now), true);
        }
        RedemptionState before = RedemptionState.of(redemption);
        LedgerEntry debit = (redemption.entryId != null
                        ? entries.findByIdOptional(redemption.entryId)
                        : entries.find(member.id, LedgerKind.REDEEM, REFERENCE_TYPE, redemption.id.toString()))
                .orElseThrow(() -> new IllegalStateException("redemption " + redemptionId + " has no ledger entry"));
        if (!debit.memberId.equals(member.id)) {
            // redeemed before its member was merged into this one: the debit stays on the merged member's ledger
            throw Problems.conflict(
                    "member-merged",
                    "Member merged",
                    "redemption " + redemptionId + " was made by a member merged since; an admin adjusts the points");
        }
        ledger.restore(member, debit, REFERENCE_TYPE, redemption.id.toString(), CANCELLED);
        redemption.cancelledAt = now;
        redemption.cancelledBy = callerSubject;
        audit.record(
                callerSubject,
                AuditAction.REDEMPTION_CANCELLED,
                REFERENCE_TYPE,
                redemption.id.toString(),
                before,
                RedemptionState.of(redemption),
                reason);
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.REDEMPTION_CANCELLED,
                RedemptionCancelled.SCHEMA_VERSION,
                member.id.toString(),
                new RedemptionCancelled(redemption.idempotencyKey, redemption.points, member.balance));
        cancelled.increment(redemption.points);
        return cancelResult(redemption, ledger.balances(member, now), false);
    }

    private static CancelResult cancelResult(Redemption r, Ledger.Balances balances, boolean replayed) {
        return new CancelResult(
                r.id, r.idempotencyKey, r.memberId, r.points, balances, r.cancelledAt, r.cancelledBy, replayed);
    }

    private Member lockTarget(RedemptionCommand command) {
        if (command.atTill()) {
            if (command.cardCode() == null) {
                throw Problems.unprocessable(
                        "card-required", "Card code required", "a redemption at the till names the member's cardCode");
            }
            return members.lockByCardCode(command.cardCode())
                    .orElseThrow(() -> Problems.notFound(
                            "unknown-card", "Unknown card", "no member has card " + command.cardCode()));
        }
        Member self = members.lockBySubject(command.callerSubject())
                .orElseThrow(() -> Problems.notFound(
                        "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first"));
        // their own card, or that of a member merged into them
        if (command.cardCode() != null && !members.cardStandsFor(command.cardCode(), self.id)) {
            throw Problems.forbidden("not-own-card", "Not your card", "a member can only redeem their own points");
        }
        return self;
    }
}
