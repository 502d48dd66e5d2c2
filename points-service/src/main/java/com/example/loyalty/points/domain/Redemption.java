package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    /** The reward redeemed; null for a free-form redemption (POST /api/points/redemptions). */
    @Column(name = "reward_id")
    public UUID rewardId;

    /** The cause of a donation; null otherwise. */
    @Column(name = "cause_id")
    public UUID causeId;

    /** The coupon staff fulfil or void at the till (service/CouponCodes); null for donations and free-form ones. */
    @Column(name = "coupon_code")
    public String couponCode;

    /** Where a reward redemption stands; null for a free-form redemption. */
    @Enumerated(EnumType.STRING)
    public CouponStatus status;

    /** Points the brand added to a donation (its cause's matching ratio, rounded down); null otherwise. */
    @Column(name = "matched_points")
    public Long matchedPoints;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    /** Token subject of the staff member who fulfilled it. */
    @Column(name = "fulfilled_by")
    public String fulfilledBy;
}
