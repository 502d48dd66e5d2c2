package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A space (topic area) posts live in. Members see it when {@link #allMembers}, or when their tier is one of
 * {@link #tiers}; marketers and admins see every space. {@link #allowedKinds} (empty: all) and
 * {@link #membersMayPost} are its posting rules.
 */
@Entity
@Table(name = "space")
public class Space {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Display titles by language code. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> titles;

    @Column(name = "all_members", nullable = false)
    public boolean allMembers;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tiers = new ArrayList<>();

    /** {@link PostKind} names allowed here; empty: every kind. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_kinds", nullable = false)
    public List<String> allowedKinds = new ArrayList<>();

    @Column(name = "members_may_post", nullable = false)
    public boolean membersMayPost;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether a member of {@code tier} sees this space (tier codes are compared in upper case). */
    public boolean visibleToTier(String tier) {
        return allMembers || (tier != null && tiers.contains(tier.toUpperCase(java.util.Locale.ROOT)));
    }

    public boolean allows(PostKind kind) {
        return allowedKinds.isEmpty() || allowedKinds.contains(kind.name());
    }
}
