package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One append-only movement of points (the database rejects updates and deletes). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {
    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerKind kind;
    /** Signed: positive earns, negative spends. */
    @Column(nullable = false)
    public long points;

    @Column(name = "balance_after", nullable = false)
    public long balanceAfter;

    @Column(name = "reference_type", nullable = false)
    public String referenceType;

    @Column(name = "reference_id", nullable = false)
    public String referenceId;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Assigned by the database; orders a member's history. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
