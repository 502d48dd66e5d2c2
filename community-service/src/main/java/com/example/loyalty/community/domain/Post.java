package com.example.loyalty.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A post in a space. The counters are kept by single-statement updates (PostRepository), never written from an
 * entity snapshot: {@link DynamicUpdate} makes an edit write only the columns it changed. Hidden (by a moderator) or
 * deleted (by its author) posts are kept but appear nowhere.
 */
@Entity
@Table(name = "post")
@DynamicUpdate
public class Post {
    @Id
    public UUID id;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Column(name = "author_subject", nullable = false)
    public String authorSubject;

    /** The member who wrote it; null for an announcement by a marketer or admin. */
    @Column(name = "author_member_id")
    public UUID authorMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostKind kind;

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

    @Column(name = "product_id")
    public String productId;

    public Integer rating;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "comment_count", nullable = false)
    public int commentCount;

    @Column(name = "answer_count", nullable = false)
    public int answerCount;

    @Column(name = "like_count", nullable = false)
    public int likeCount;

    @Column(name = "helpful_count", nullable = false)
    public int helpfulCount;

    @Column(name = "thanks_count", nullable = false)
    public int thanksCount;

    @Column(name = "view_count", nullable = false)
    public long viewCount;

    @Column(name = "accepted_comment_id")
    public UUID acceptedCommentId;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

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

    public boolean solved() {
        return acceptedCommentId != null;
    }
}
