package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A member's registration for a {@link CommunityEvent}; see {@link RegistrationStatus}. */
@Entity
@Table(name = "event_registration")
public class EventRegistration {
    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    /** Registration order, assigned by the database; the waitlist moves up in it. */
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "seated_at")
    public Instant seatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "attended_at")
    public Instant attendedAt;

    @Column(name = "checked_in_by")
    public String checkedInBy;
}
