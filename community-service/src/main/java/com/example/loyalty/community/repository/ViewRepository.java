package com.example.loyalty.community.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Unique views: {@code content_view} (append-only, one row per content, UTC day and viewer) and
 * {@code content_view_pending} (the new ones not yet added to the post's view_count). A read writes only rows of
 * its own, never a shared counter row.
 */
@ApplicationScoped
public class ViewRepository {

    /** Views folded into posts by one {@link #foldPending} call: post id → new unique views. */
    public record Folded(UUID contentId, long views) {}

    private final EntityManager em;

    public ViewRepository(EntityManager em) {
        this.em = em;
    }

    /** Records that {@code viewer} saw the content on {@code day}; a second view the same day changes nothing. */
    public boolean record(String contentType, UUID contentId, LocalDate day, String viewer, Instant at) {
        return em.createNativeQuery("""
                        with v as (
                            insert into content_view (content_type, content_id, day, viewer, seen_at)
                            values (:type, :content, :day, :viewer, :at)
                            on conflict do nothing
                            returning content_type, content_id)
                        insert into content_view_pending (content_type, content_id)
                        select content_type, content_id from v""")
                        .setParameter("type", contentType)
                        .setParameter("content", contentId)
                        .setParameter("day", day)
                        .setParameter("viewer", viewer)
                        .setParameter("at", at)
                        .executeUpdate()
                == 1;
    }

    /**
     * Takes up to {@code limit} pending views and adds them to their posts' view counts, in one statement: the rows it
     * deletes are exactly the ones it counts, so concurrent folds (several instances) never count a view twice.
     */
    @SuppressWarnings("unchecked")
    public List<Folded> foldPending(int limit) {
        List<Object[]> rows =
                em.createNativeQuery("""
                        with taken as (
                            delete from content_view_pending
                            where id in (select id from content_view_pending order by id limit :limit
                                         for update skip locked)
                            returning content_type, content_id),
                        counted as (
                            select content_id, count(*) as views from taken where content_type = 'POST'
                            group by content_id),
                        applied as (
                            update post p set view_count = p.view_count + c.views
                            from counted c where p.id = c.content_id
                            returning p.id)
                        select c.content_id, c.views from counted c""").setParameter("limit", limit).getResultList();
        return rows.stream()
                .map(r -> new Folded((UUID) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    /** Unique viewers of the content over all days (views not folded yet included). */
    public long uniqueViews(UUID contentId) {
        return ((Number) em.createNativeQuery("select count(*) from content_view where content_id = :content")
                        .setParameter("content", contentId)
                        .getSingleResult())
                .longValue();
    }
}
