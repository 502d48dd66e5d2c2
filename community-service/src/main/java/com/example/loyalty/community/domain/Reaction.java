package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A member's reaction to a post or comment; one per member, target and kind. */
@Entity
@Table(name = "reaction")
public class Reaction {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    public ReactionTarget targetType;

    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReactionKind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
