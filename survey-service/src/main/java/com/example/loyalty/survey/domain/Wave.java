package com.example.loyalty.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One answer window of a survey, with the members it asks. The member ids of a MEMBERS target are in
 * {@code wave_member}; the tiers, segments or quadrants of the other targets are lists on the row.
 */
@Entity
@Table(name = "wave")
public class Wave {
    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(nullable = false)
    public String name;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;
    /** Set when the wave (or its survey) was closed before {@link #closesAt}. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    public TargetType targetType;
    /** Tier codes (upper case) of a TIER target; empty otherwise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_tiers", nullable = false)
    public List<String> targetTiers;
    /** RFM segment names ({@link RfmSegment}) of a SEGMENT target; empty otherwise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_segments", nullable = false)
    public List<String> targetSegments = List.of();
    /** Loyalty quadrant names ({@link LoyaltyQuadrant}) of a QUADRANT target; empty otherwise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_quadrants", nullable = false)
    public List<String> targetQuadrants = List.of();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** When answers stop being accepted: the end of the window, or the early close. */
    public Instant effectiveEnd() {
        return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    public WaveStatus statusAt(Instant now) {
        if (closedAt != null || !now.isBefore(closesAt)) {
            return WaveStatus.CLOSED;
        }
        return now.isBefore(opensAt) ? WaveStatus.SCHEDULED : WaveStatus.OPEN;
    }

    public boolean isOpenAt(Instant now) {
        return statusAt(now) == WaveStatus.OPEN;
    }

    /** Whether this wave's answer window shares a moment with {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        Instant end = effectiveEnd();
        return end.isAfter(opensAt) && from.isBefore(end) && opensAt.isBefore(to);
    }
}
