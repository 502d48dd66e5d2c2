package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The points one credit brought (a purchase's earn, an award, a positive adjustment), what is left of them, when they
 * become spendable and when they expire. Changed only by the Ledger, with the member row locked.
 */
@Entity
@Table(name = "point_lot")
public class PointLot {
    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    /** The ledger entry that credited it. */
    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(nullable = false)
    public long points;

    /** What is left: {@code points} minus what debits took (and did not give back). */
    @Column(nullable = false)
    public long remaining;

    @Column(name = "earned_at", nullable = false)
    public Instant earnedAt;

    /** Pending until then (a purchase's return window), spendable from then on. */
    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    /** When what is left expires; null: never. */
    @Column(name = "expires_at")
    public Instant expiresAt;
}
