package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A post's version before an edit replaced it. */
@Entity
@Table(name = "post_revision")
public class PostRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TextFormat format;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    /** When this version was written. */
    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    @Column(name = "replaced_by", nullable = false)
    public String replacedBy;
}
