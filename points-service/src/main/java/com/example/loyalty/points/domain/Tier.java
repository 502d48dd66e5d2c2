package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One rank of the tier ladder: qualifying spend in the rolling window and earning multiplier. */
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
}
