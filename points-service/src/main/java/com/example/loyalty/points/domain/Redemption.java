package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Points spent by a member; the idempotency key is unique per member. */
@Entity
@Table(name = "redemption")
public class Redemption {
    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(nullable = false)
    public long points;

    @Column(nullable = false)
    public String reason;

    @Column(name = "balance_after", nullable = false)
    public long balanceAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The REDEEM ledger entry; null for redemptions from before lots. */
    @Column(name = "entry_id")
    public UUID entryId;

    /** When it was cancelled (its points given back to their lots); null while it stands. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** Token subject of who cancelled it. */
    @Column(name = "cancelled_by")
    public String cancelledBy;
}
