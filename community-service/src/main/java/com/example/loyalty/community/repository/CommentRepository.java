package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.Comment;
import com.example.loyalty.community.domain.ReactionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code comment} table. */
@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<Comment, UUID> {

    /** A comment position: creation time and id of the last comment of the previous page (exclusive). */
    public record Position(Instant at, UUID id) {}

    public Optional<Comment> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of a post's visible comments, oldest first, after {@code after} (null: from the start). */
    @SuppressWarnings("unchecked")
    public List<Comment> page(UUID postId, Position after, int limit) {
        String from = after == null ? "" : " and (created_at, id) > (:at, :id)";
        var query = getEntityManager()
                .createNativeQuery(
                        "select * from comment where post_id = :post and hidden_at is null and deleted_at is null"
                                + from + " order by created_at, id limit " + limit,
                        Comment.class)
                .setParameter("post", postId);
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    public Optional<Instant> oldestByMemberSince(UUID memberId, Instant since) {
        return find("select min(createdAt) from Comment where authorMemberId = ?1 and createdAt >= ?2", memberId, since)
                .project(Instant.class)
                .firstResultOptional();
    }

    /** Adds {@code delta} (+1 or -1) to the comment's count of {@code kind} reactions. */
    public void reactionCounted(UUID commentId, ReactionKind kind, int delta) {
        String column = kind.name().toLowerCase(java.util.Locale.ROOT) + "_count";
        getEntityManager()
                .createNativeQuery(
                        "update comment set " + column + " = greatest(0, " + column + " + :delta) where id = :comment")
                .setParameter("comment", commentId)
                .setParameter("delta", delta)
                .executeUpdate();
    }
}
