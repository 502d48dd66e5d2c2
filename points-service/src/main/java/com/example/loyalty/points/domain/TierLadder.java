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
}
