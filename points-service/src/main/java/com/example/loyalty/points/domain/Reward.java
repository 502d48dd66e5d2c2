package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reward of the catalogue. {@link #stock} is what is left to redeem (null: unlimited); it is changed only by
 * conditional SQL updates (a redemption takes one where stock > 0, a void gives one back) or under the row's lock (a
 * marketer's change), never by writing a value read earlier.
 */
@Entity
@Table(name = "reward")
public class Reward {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RewardKind kind;

    @Column(name = "points_price", nullable = false)
    public long pointsPrice;

    /** Left to redeem; null: unlimited. */
    public Long stock;

    /** Tier codes that may redeem it; empty: every tier. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_tiers", nullable = false)
    public String[] eligibleTiers;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    /** Most redemptions (not voided) one member may hold; null: no limit. */
    @Column(name = "per_member_limit")
    public Integer perMemberLimit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RewardStatus status;

    /** The cause a DONATION reward gives to; null for every other kind. */
    @Column(name = "cause_id")
    public UUID causeId;

    /** A cause's own donation reward: any number of points from {@link #pointsPrice} up. */
    @Column(name = "open_amount", nullable = false)
    public boolean openAmount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
