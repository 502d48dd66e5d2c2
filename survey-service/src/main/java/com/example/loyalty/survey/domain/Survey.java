package com.example.loyalty.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A survey definition: localized title, questions, anonymity and lifecycle status. */
@Entity
@Table(name = "survey")
public class Survey {
    @Id
    public UUID id;
    /** Title by language code. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> title;
    /** When true, responses carry no identity (no subject, member id or tier). */
    @Column(nullable = false)
    public boolean anonymous;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyStatus status;
    /** The questions in display order; frozen once published. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Question> questions;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
}
