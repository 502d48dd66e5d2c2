package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A comment on a post; on a question, a comment by someone other than the asker is an answer. Hidden or deleted
 * comments are kept but not listed nor counted.
 */
@Entity
@Table(name = "comment")
@DynamicUpdate
public class Comment {
    @Id
    public UUID id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "author_subject", nullable = false)
    public String authorSubject;

    @Column(name = "author_member_id")
    public UUID authorMemberId;

    @Column(nullable = false)
    public String body;

    /** An answer to a question (written by someone other than the asker). */
    @Column(nullable = false)
    public boolean answer;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "like_count", nullable = false)
    public int likeCount;

    @Column(name = "helpful_count", nullable = false)
    public int helpfulCount;

    @Column(name = "thanks_count", nullable = false)
    public int thanksCount;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "hidden_at")
    public Instant hiddenAt;

    @Column(name = "hidden_by")
    public String hiddenBy;

    @Column(name = "hidden_reason")
    public String hiddenReason;

    public boolean visible() {
        return deletedAt == null && hiddenAt == null;
    }
}
