package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A cause (a charity, a local project) members donate points to. Its totals are not stored here: they are summed from
 * its donations when read, so they are exact under any concurrency.
 */
@Entity
@Table(name = "cause")
public class Cause {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Points the brand adds per point donated (0: no matching), e.g. 0.5. */
    @Column(name = "matching_ratio", nullable = false)
    public BigDecimal matchingRatio;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Whether members can donate at {@code now}: active and within its validity window. */
    public boolean openAt(Instant now) {
        return active && (validFrom == null || !now.isBefore(validFrom)) && (validTo == null || now.isBefore(validTo));
    }
}
