package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A paid-membership plan: a fee-based tier with a price per month or year, its own earning multiplier and perks. A
 * retired plan ({@link #retiredAt} set) takes no new members; running memberships on it renew until they end.
 */
@Entity
@Table(name = "membership_plan")
public class MembershipPlan {
    @Id
    public UUID id;

    /** Unique (case ignored), upper case; what staff and the payment provider name the plan by. */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** Price per period in minor units of {@link #currency}. */
    @Column(nullable = false)
    public long price;

    @Column(nullable = false)
    public String currency;

    /** {@code MONTH} or {@code YEAR}. */
    @Column(nullable = false)
    public String period;

    /** Earning multiplier while the membership is paid, (0, 10], three decimals at most. */
    @Column(nullable = false, precision = 6, scale = 3)
    public BigDecimal multiplier;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> perks;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;

    public boolean active() {
        return retiredAt == null;
    }
}
