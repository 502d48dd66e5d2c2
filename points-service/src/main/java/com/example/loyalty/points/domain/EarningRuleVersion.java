package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of an earning rule. Immutable once written (a database trigger refuses other updates), except
 * {@link #effectiveTo}: a later change sets when this version stops being in force, never before the change is made.
 */
@Entity
@Table(name = "earning_rule_version")
public class EarningRuleVersion {
    @Id
    public UUID id;

    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleState state;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    /** Null: in force until a later change. Equal to {@link #effectiveFrom}: cancelled before it was ever in force. */
    @Column(name = "effective_to")
    public Instant effectiveTo;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(nullable = false)
    public String name;

    public String currency;

    public Integer rate;

    public String channel;

    public String category;

    public String sku;

    @Column(precision = 6, scale = 3)
    public BigDecimal multiplier;

    @Column(name = "bonus_points")
    public Long bonusPoints;

    /** Tier codes, comma-separated; null: every tier. */
    @Column(name = "audience_tiers")
    public String audienceTiers;

    @Column(name = "audience_segment")
    public String audienceSegment;

    @Column(name = "max_points_per_purchase")
    public Long maxPointsPerPurchase;

    @Column(name = "max_points_per_member_day")
    public Long maxPointsPerMemberDay;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
