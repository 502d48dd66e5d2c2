package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A community event (a meet-up in a store, an online session) that members register for: {@code capacity} seats,
 * a waitlist behind them, registration open from {@link #registrationOpens()} until {@link #registrationCloses()}.
 */
@Entity
@Table(name = "community_event")
public class CommunityEvent {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public boolean online;

    @Column(name = "store_id")
    public String storeId;

    @Column(name = "registration_opens_at")
    public Instant registrationOpensAt;

    @Column(name = "registration_closes_at")
    public Instant registrationClosesAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When registration opens: as said, or when the event was created. */
    public Instant registrationOpens() {
        return registrationOpensAt != null ? registrationOpensAt : createdAt;
    }

    /** When registration closes (exclusive): as said, or when the event starts. */
    public Instant registrationCloses() {
        return registrationClosesAt != null ? registrationClosesAt : startsAt;
    }

    /** When the event is over: its end, or its start when no end was said. */
    public Instant over() {
        return endsAt != null ? endsAt : startsAt;
    }
}
