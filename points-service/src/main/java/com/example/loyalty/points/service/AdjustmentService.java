package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAdjusted;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAdjustment;
import com.example.loyalty.points.repository.AdjustmentRepository;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin's correction of a member's balance: a signed number of points with a reason. The member row is locked for
 * the whole check-and-append, so a negative adjustment never takes a balance below zero, however many run at once; the
 * idempotency key (unique per member) makes a retried request a replay. The ledger entry, the PointsAdjusted event and
 * the audit entry are written in one transaction: all of them or none.
 */
@ApplicationScoped
public class AdjustmentService {

    /** Most points one adjustment may move, either way. */
    public static final long MAX_POINTS = 1_000_000_000L;

    static final String REFERENCE_TYPE = "ADJUSTMENT";

    private final MemberRepository members;
    private final AdjustmentRepository adjustments;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final Counter credited;
    private final Counter debited;

    public AdjustmentService(
            MemberRepository members,
            AdjustmentRepository adjustments,
            Ledger ledger,
            OutboxWriter outbox,
            AuditLog audit,
            MeterRegistry registry) {
        this.members = members;
        this.adjustments = adjustments;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.credited = Counter.builder("loyalty.points.adjusted")
                .tag("direction", "credit")
                .description("points admins credited by adjustments")
                .register(registry);
        this.debited = Counter.builder("loyalty.points.adjusted")
                .tag("direction", "debit")
                .description("points admins took off by adjustments")
                .register(registry);
    }

    /** An adjustment as asked for; {@code points} signed and non-zero, {@code by} the admin's token subject. */
    public record AdjustmentCommand(String idempotencyKey, UUID memberId, long points, String reason, String by) {}

    /** The outcome of an adjustment, first or replayed. */
    public record AdjustmentResult(
            UUID adjustmentId,
            String idempotencyKey,
            UUID memberId,
            long points,
            String reason,
            long balanceBefore,
            long balance,
            Instant createdAt,
            String createdBy,
            boolean replayed) {

        static AdjustmentResult of(PointAdjustment a, boolean replayed) {
            return new AdjustmentResult(
                    a.id,
                    a.idempotencyKey,
                    a.memberId,
                    a.points,
                    a.reason,
                    a.balanceBefore,
                    a.balanceAfter,
                    a.createdAt,
                    a.createdBy,
                    replayed);
        }
    }

    /** The audit log's value before an adjustment: the member's balance. */
    public record BalanceBefore(long balance) {}

    /** The audit log's value after an adjustment: the member's balance, and which adjustment of how much made it. */
    public record BalanceAfter(long balance, long points, UUID adjustmentId) {}

    /**
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 for an unknown member, 409 when the key was used for
     *     another adjustment of the member or the balance is too small for a negative one
     */
    public AdjustmentResult adjust(AdjustmentCommand command) {
        if (command.points() == 0 || Math.abs(command.points()) > MAX_POINTS) {
            throw new IllegalArgumentException("an adjustment moves 1 to " + MAX_POINTS + " points either way");
        }
        return Transactions.withUniqueRaceFallback(() -> adjustOnce(command), () -> adjustOnce(command));
    }

    private AdjustmentResult adjustOnce(AdjustmentCommand command) {
        Member member = members.lockById(command.memberId())
                .orElseThrow(() -> Problems.notFound(
                        "unknown-member", "Unknown member", "no member has id " + command.memberId()));
        var existing = adjustments.findByKey(member.id, command.idempotencyKey());
        if (existing.isPresent()) {
            PointAdjustment first = existing.get();
            if (first.points != command.points() || !Objects.equals(first.reason, command.reason())) {
                throw Problems.conflict(
                        "idempotency-key-reused",
                        "Idempotency key already used",
                        "key " + command.idempotencyKey() + " was used for an adjustment of " + first.points
                                + " points with another reason or amount");
            }
            return AdjustmentResult.of(first, true);
        }
        long before = member.balance;
        // the never-below-zero rule of adjustments: a debit takes available points only (pending ones are held for
        // their return window), as a redemption does
        long available = ledger.available(member, java.time.Instant.now());
        if (command.points() < 0 && available + command.points() < 0) {
            throw Problems.conflict(
                    "insufficient-points",
                    "Insufficient points",
                    "available are " + available + " points (balance " + before + "), the adjustment takes off "
                            + -command.points());
        }
        PointAdjustment adjustment = new PointAdjustment();
        adjustment.id = UUID.randomUUID();
        LedgerEntry entry = ledger.append(
                member,
                LedgerKind.ADJUST,
                command.points(),
                REFERENCE_TYPE,
                adjustment.id.toString(),
                command.reason());
        adjustment.memberId = member.id;
        adjustment.idempotencyKey = command.idempotencyKey();
        adjustment.points = command.points();
        adjustment.reason = command.reason();
        adjustment.entryId = entry.id;
        adjustment.balanceBefore = before;
        adjustment.balanceAfter = member.balance;
        adjustment.createdAt = entry.createdAt;
        adjustment.createdBy = command.by();
        adjustments.persist(adjustment);
        Transactions.flushDetectingRace(adjustments.getEntityManager());
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_ADJUSTED,
                PointsAdjusted.SCHEMA_VERSION,
                member.id.toString(),
                new PointsAdjusted(command.idempotencyKey(), command.points(), command.reason(), member.balance));
        audit.record(
                command.by(),
                AuditAction.POINTS_ADJUSTED,
                AuditTarget.MEMBER,
                member.id.toString(),
                new BalanceBefore(before),
                new BalanceAfter(member.balance, command.points(), adjustment.id),
                command.reason());
        (command.points() > 0 ? credited : debited).increment(Math.abs(command.points()));
        return AdjustmentResult.of(adjustment, false);
    }
}
