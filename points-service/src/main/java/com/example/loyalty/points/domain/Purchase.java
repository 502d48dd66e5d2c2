package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase recorded at a till; {@link #storeId} and {@link #transactionId} together make it idempotent (a receipt
 * number is unique within its store only).
 */
@Entity
@Table(name = "purchase", uniqueConstraints = @UniqueConstraint(columnNames = {"store_id", "transaction_id"}))
public class Purchase {
    @Id
    public UUID id;

    @Column(name = "transaction_id", nullable = false)
    public String transactionId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public long amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(nullable = false)
    public String channel;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public long points;

    @Column(nullable = false, precision = 6, scale = 3)
    public BigDecimal multiplier;

    @Column(name = "tier_code", nullable = false)
    public String tierCode;

    @Column(name = "balance_after", nullable = false)
    public long balanceAfter;

    @Column(name = "tier_after", nullable = false)
    public String tierAfter;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /**
     * True for a purchase brought in by a history import that earned nothing (or made in a currency that does not
     * earn): it counts for behavioural metrics only, never for the rolling spend or the tier.
     */
    @Column(nullable = false)
    public boolean history;

    /** Spend returned so far, in minor units (never above {@link #amount}). */
    @Column(name = "returned_amount", nullable = false)
    public long returnedAmount;

    /**
     * Points its returns reversed so far (taken back or, when spent, added to the member's debt), never above
     * {@link #points}: {@code floor(points * returnedAmount / amount)}.
     */
    @Column(name = "points_reversed", nullable = false)
    public long pointsReversed;

    /** The lot of the points it earned; null when it earned none or was recorded before lots existed. */
    @Column(name = "lot_id")
    public UUID lotId;
}
