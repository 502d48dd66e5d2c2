package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One rank of the tier ladder: what qualifies in the period (spend, purchases, points) and earning multiplier. */
@Entity
@Table(name = "tier")
public class Tier {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int rank;

    @Column(name = "threshold_spend", nullable = false)
    public long thresholdSpend;

    @Column(nullable = false, precision = 6, scale = 3)
    public BigDecimal multiplier;

    /** Purchases in the qualification period that qualify (0: not required). */
    @Column(name = "min_purchases", nullable = false)
    public int minPurchases;

    /** Points earned in the qualification period that qualify (0: not required). */
    @Column(name = "min_points", nullable = false)
    public long minPoints;

    /** ANY: one threshold reached qualifies; ALL: every threshold above 0 must be reached. */
    @Column(name = "qualify_by", nullable = false)
    public String qualifyBy = "ANY";
}
