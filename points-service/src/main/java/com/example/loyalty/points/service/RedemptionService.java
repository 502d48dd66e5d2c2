package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsRedeemed;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.Redemption;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.RedemptionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Spends points. The member row is locked for the whole check-and-debit, so concurrent redemptions are
 * serialised and a balance never goes below zero; the idempotency key makes a retried request a replay.
 */
@ApplicationScoped
public class RedemptionService {

    private final MemberRepository members;
    private final RedemptionRepository redemptions;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final Counter pointsRedeemed;

    public RedemptionService(
            MemberRepository members,
            RedemptionRepository redemptions,
            Ledger ledger,
            OutboxWriter outbox,
            MeterRegistry registry) {
        this.members = members;
        this.redemptions = redemptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.pointsRedeemed = Counter.builder("loyalty.points.redeemed")
                .description("points redeemed")
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
            if (first.points != command.points()) {
                throw Problems.conflict(
                        "idempotency-key-reused",
                        "Idempotency key already used",
                        "key " + command.idempotencyKey() + " was used for a redemption of " + first.points
                                + " points");
            }
            return RedemptionResult.of(first, true);
        }
        if (member.balance < command.points()) {
            throw Problems.conflict(
                    "insufficient-points",
                    "Insufficient points",
                    "balance is " + member.balance + " points, the redemption needs " + command.points());
        }
        Redemption redemption = new Redemption();
        redemption.id = UUID.randomUUID();
        redemption.memberId = member.id;
        redemption.idempotencyKey = command.idempotencyKey();
        redemption.points = command.points();
        redemption.reason = command.reason();
        redemption.createdAt = Instant.now();
        redemption.createdBy = command.callerSubject();
        redemptions.persist(redemption);
        Transactions.flushDetectingRace(redemptions.getEntityManager());
        ledger.append(
                member, LedgerKind.REDEEM, -command.points(), "REDEMPTION", redemption.id.toString(), command.reason());
        redemption.balanceAfter = member.balance;
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_REDEEMED,
                PointsRedeemed.SCHEMA_VERSION,
                member.id.toString(),
                new PointsRedeemed(command.idempotencyKey(), command.points(), command.reason(), member.balance));
        pointsRedeemed.increment(command.points());
        return RedemptionResult.of(redemption, false);
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
