package com.example.loyalty.community.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over visible posts: {@code post_search.document} (kept by a trigger on post, see
 * V4__moderation.sql) matched against {@code community_search_query(q)} through its GIN index, so Latin words and
 * any substring of Japanese (or other CJK) text are found alike.
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
            double rank) {}

    private static final int EXCERPT = 200;

    private final EntityManager em;

    public SearchRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Visible posts matching {@code q} in the spaces the caller sees ({@code staff}: all; else those open to all
     * members or to {@code tier}), optionally in one space; best match first (title over tags over body), newer
     * first among equals.
     */
    @SuppressWarnings("unchecked")
    public List<Hit> search(String q, boolean staff, String tier, UUID spaceId, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, p.space_id, p.kind, p.title, left(p.body, %d), p.tags, p.author_member_id,
                            m.display_name, p.created_at, p.comment_count, ts_rank(s.document, q.query) as rank
                        from (select community_search_query(cast(:q as text)) as query) q
                        join post_search s on s.document @@ q.query
                        join post p on p.id = s.post_id
                        join space sp on sp.id = p.space_id
                        left join community_member m on m.member_id = p.author_member_id
                        where p.hidden_at is null and p.deleted_at is null
                          and (:staff or sp.all_members
                               or (cast(:tier as text) is not null and cast(:tier as text) = any (sp.tiers)))
                          and (cast(:space as uuid) is null or p.space_id = cast(:space as uuid))
                        order by rank desc, p.created_at desc, p.id desc
                        offset :offset limit :limit""".formatted(EXCERPT))
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
                        ((Number) r[10]).doubleValue()))
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
