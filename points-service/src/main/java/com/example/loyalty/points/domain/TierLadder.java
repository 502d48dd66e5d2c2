package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Settings of the whole ladder (a single row): the rolling qualification window and a version. */
@Entity
@Table(name = "tier_ladder")
public class TierLadder {
    public static final int ID = 1;

    @Id
    public int id;

    @Column(name = "window_months", nullable = false)
    public int windowMonths;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** ROLLING (over {@link #windowMonths}), CALENDAR_YEAR or FISCAL_YEAR (from {@link #fiscalStartMonth}). */
    @Column(name = "period_kind", nullable = false)
    public String periodKind = "ROLLING";

    @Column(name = "fiscal_start_month", nullable = false)
    public int fiscalStartMonth = 4;

    /** Days between the evaluation that marks a member below their tier and the first that may downgrade them. */
    @Column(name = "grace_days", nullable = false)
    public int graceDays = 30;

    /** Tiers an evaluation takes a member down at most. */
    @Column(name = "max_steps", nullable = false)
    public int maxSteps = 1;
}
