package com.example.loyalty.community.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over visible posts: {@code post_search.document} and {@code comment_search.document} (kept by
 * triggers on post and comment, see V4__moderation.sql) matched against {@code community_search_query(q)} through
 * their GIN indexes, so Latin words and any substring of Japanese (or other CJK) text are found alike. The query
 * function is immutable: with the text bound it is folded to a constant tsquery when the statement is planned.
 */
@ApplicationScoped
public class SearchRepository {

    /** One hit. */
    public record Hit(
            UUID id,
            UUID spaceId,
            String kind,
            String title,
            String excerpt,
            List<String> tags,
            UUID authorMemberId,
            String authorName,
            Instant createdAt,
            int commentCount,
            double rank,
            /* only comments on the post matched, not its own title, tags or body */
            boolean onlyInComments) {}

    private static final int EXCERPT = 200;

    /** A match in a comment ranks at this share of the same match in the post's body. */
    private static final String COMMENT_WEIGHT = "0.5";

    private final EntityManager em;

    public SearchRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Visible posts matching {@code q} (by their own words or a visible comment's) in the spaces the caller sees ({@code staff}: all; else those open to all
     * members or to {@code tier}), optionally in one space; best match first (title over tags over body over
     * comments), newer first among equals.
     */
    @SuppressWarnings("unchecked")
    public List<Hit> search(String q, boolean staff, String tier, UUID spaceId, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        with matches as (
                            select s.post_id, ts_rank(s.document, community_search_query(cast(:q as text))) as rank,
                                false as in_comment
                            from post_search s where s.document @@ community_search_query(cast(:q as text))
                            union all
                            select cs.post_id,
                                ts_rank(cs.document, community_search_query(cast(:q as text))) * %s, true
                            from comment_search cs join comment c on c.id = cs.comment_id
                            where cs.document @@ community_search_query(cast(:q as text))
                              and c.hidden_at is null and c.deleted_at is null),
                        best as (
                            select post_id, max(rank) as rank, bool_and(in_comment) as only_comments
                            from matches group by post_id)
                        select p.id, p.space_id, p.kind, p.title, left(p.body, %d), p.tags, p.author_member_id,
                            m.display_name, p.created_at, p.comment_count, b.rank, b.only_comments
                        from best b
                        join post p on p.id = b.post_id
                        join space sp on sp.id = p.space_id
                        left join community_member m on m.member_id = p.author_member_id
                        where p.hidden_at is null and p.deleted_at is null
                          and (:staff or sp.all_members
                               or (cast(:tier as text) is not null and cast(:tier as text) = any (sp.tiers)))
                          and (cast(:space as uuid) is null or p.space_id = cast(:space as uuid))
                        order by b.rank desc, p.created_at desc, p.id desc
                        offset :offset limit :limit""".formatted(COMMENT_WEIGHT, EXCERPT))
                .setParameter("q", q)
                .setParameter("staff", staff)
                .setParameter("tier", tier)
                .setParameter("space", spaceId)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Hit(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        tags(r[5]),
                        (UUID) r[6],
                        (String) r[7],
                        (Instant) r[8],
                        ((Number) r[9]).intValue(),
                        ((Number) r[10]).doubleValue(),
                        Boolean.TRUE.equals(r[11])))
                .toList();
    }

    private static List<String> tags(Object value) {
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        return List.of();
    }
}
