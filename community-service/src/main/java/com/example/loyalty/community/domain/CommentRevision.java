package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A comment's body before an edit replaced it. */
@Entity
@Table(name = "comment_revision")
public class CommentRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    @Column(name = "replaced_by", nullable = false)
    public String replacedBy;
}
