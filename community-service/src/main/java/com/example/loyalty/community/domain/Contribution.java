package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing a member did that counts towards their standing; see {@link ContributionKind}. */
@Entity
@Table(name = "contribution")
public class Contribution {
    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContributionKind kind;

    @Column(name = "content_id", nullable = false)
    public UUID contentId;

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "space_id")
    public UUID spaceId;

    @Column(nullable = false)
    public int weight;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;
}
