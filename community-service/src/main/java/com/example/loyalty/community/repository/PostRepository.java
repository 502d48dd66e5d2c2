package com.example.loyalty.community.repository;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.ReactionKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code post} table. Counters change only through the single-statement updates here, so concurrent comments
 * and reactions never lose one another's increments.
 */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** The post, locked for update until the transaction ends (edits, deletes, acceptance). */
    public Optional<Post> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A visible comment was added: counts it and moves the post's activity time on. */
    public void commentAdded(UUID postId, boolean answer, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        update post set comment_count = comment_count + 1,
                            answer_count = answer_count + case when :answer then 1 else 0 end,
                            last_activity_at = greatest(last_activity_at, :at)
                        where id = :post""")
                .setParameter("post", postId)
                .setParameter("answer", answer)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** Adds {@code delta} (+1 or -1) to the post's count of {@code kind} reactions. */
    public void reactionCounted(UUID postId, ReactionKind kind, int delta) {
        String column = kind.name().toLowerCase(java.util.Locale.ROOT) + "_count";
        getEntityManager()
                .createNativeQuery(
                        "update post set " + column + " = greatest(0, " + column + " + :delta) where id = :post")
                .setParameter("post", postId)
                .setParameter("delta", delta)
                .executeUpdate();
    }

    /**
     * Recomputes the post's counters and activity time from its rows: visible comments and answers, reactions to the
     * post, last visible comment. For whoever hides, unhides or deletes a comment (same transaction).
     */
    public void recount(UUID postId) {
        getEntityManager().createNativeQuery("""
                        update post p set
                            comment_count = c.comments, answer_count = c.answers,
                            last_activity_at = greatest(p.created_at, coalesce(c.latest, p.created_at)),
                            like_count = r.likes, helpful_count = r.helpful, thanks_count = r.thanks
                        from (select count(*) as comments, count(*) filter (where answer) as answers,
                                     max(created_at) as latest
                              from comment where post_id = :post and hidden_at is null and deleted_at is null) c,
                             (select count(*) filter (where kind = 'LIKE') as likes,
                                     count(*) filter (where kind = 'HELPFUL') as helpful,
                                     count(*) filter (where kind = 'THANKS') as thanks
                              from reaction where target_id = :post) r
                        where p.id = :post""").setParameter("post", postId).executeUpdate();
    }

    /**
     * The member's posts and comments since {@code since}, deleted ones included, counted in one statement (the posting
     * limit's question on every post and comment).
     */
    public long writtenByMemberSince(UUID memberId, Instant since) {
        return ScalarQueries.of(
                        getEntityManager(),
                        "select (select count(*) from post where author_member_id = :member and created_at >= :since)"
                                + " + (select count(*) from comment where author_member_id = :member"
                                + " and created_at >= :since) as written",
                        "written",
                        Long.class)
                .setParameter("member", memberId)
                .setParameter("since", since)
                .getSingleResult();
    }

    /** The oldest post of the member since {@code since} (when the rate window frees a slot). */
    public Optional<Instant> oldestByMemberSince(UUID memberId, Instant since) {
        return find("select min(createdAt) from Post where authorMemberId = ?1 and createdAt >= ?2", memberId, since)
                .project(Instant.class)
                .firstResultOptional();
    }

    /** The distribution of ratings over a product's visible reviews: rating (1–5) → count. */
    @SuppressWarnings("unchecked")
    public List<Object[]> ratingDistribution(String productId) {
        return getEntityManager()
                .createNativeQuery("""
                        select rating, count(*) from post
                        where product_id = :product and kind = 'REVIEW' and hidden_at is null and deleted_at is null
                        group by rating""")
                .setParameter("product", productId)
                .getResultList();
    }
}
