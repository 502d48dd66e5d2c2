package com.example.loyalty.points.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Part or all of a purchase brought back; idempotent by {@code (storeId, returnId)}. A fact, never changed once recorded
 * ({@link Immutable}, which also spares the JSON items a spurious update at flush).
 */
@Entity
@Immutable
@Table(name = "purchase_return")
public class PurchaseReturn {
    @Id
    public UUID id;

    /** The till's id of the return, unique per store. */
    @Column(name = "return_id", nullable = false)
    public String returnId;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(name = "purchase_id", nullable = false)
    public UUID purchaseId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    /** Returned spend, in minor units of the purchase's currency. */
    @Column(nullable = false)
    public long amount;

    /** The returned lines, [{sku, quantity, amount}], when the return named them; else null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode items;

    /** Points taken back from the balance. */
    @Column(name = "points_reversed", nullable = false)
    public long pointsReversed;

    /** Points that could not be taken back (spent already): added to the member's debt. */
    @Column(nullable = false)
    public long shortfall;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "balance_after", nullable = false)
    public long balanceAfter;

    @Column(name = "available_after", nullable = false)
    public long availableAfter;

    @Column(name = "pending_after", nullable = false)
    public long pendingAfter;

    @Column(name = "debt_after", nullable = false)
    public long debtAfter;
}
