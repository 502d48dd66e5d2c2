package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An admin's signed correction of a member's balance (ledger kind ADJUST); the idempotency key is unique per member.
 */
@Entity
@Table(name = "point_adjustment")
public class PointAdjustment {
    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /** Signed: positive credits, negative takes off. Never 0. */
    @Column(nullable = false)
    public long points;

    @Column(nullable = false)
    public String reason;

    /** The ledger entry that moved the points. */
    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(name = "balance_before", nullable = false)
    public long balanceBefore;

    @Column(name = "balance_after", nullable = false)
    public long balanceAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Token subject of the admin. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
