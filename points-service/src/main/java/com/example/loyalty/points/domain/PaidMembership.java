package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's paid membership (one per member): its plan and the period paid. Its status is computed when read
 * ({@link #statusAt}): exact at once, whether the lapse job ran or not.
 */
@Entity
@Table(name = "paid_membership")
public class PaidMembership {

    /** What a membership is at an instant. */
    public enum Status {
        /** Paid, not cancelled. */
        ACTIVE,
        /** Cancelled, but paid to the end of the period: a member until then. */
        CANCELLED,
        /** The paid period ended without a renewal. */
        LAPSED
    }

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Start of the current unbroken membership. */
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "current_period_start", nullable = false)
    public Instant currentPeriodStart;

    /** Paid through: the membership lapses at this instant unless renewed. */
    @Column(name = "current_period_end", nullable = false)
    public Instant currentPeriodEnd;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** When the lapse was announced (MembershipChanged LAPSED); null while that is still to do. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public Status statusAt(Instant at) {
        if (!at.isBefore(currentPeriodEnd)) {
            return Status.LAPSED;
        }
        return cancelledAt != null ? Status.CANCELLED : Status.ACTIVE;
    }
}
