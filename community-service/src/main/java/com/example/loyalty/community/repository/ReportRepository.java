package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.ContentType;
import com.example.loyalty.community.domain.ReportReason;
import com.example.loyalty.community.domain.ReportStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code content_report} table: members' reports, and the moderators' queue of them grouped per content. Every
 * read is one aggregate statement.
 */
@ApplicationScoped
public class ReportRepository {

    /** One content's reports of one status (and, once resolved, one resolution). */
    public record QueueEntry(
            ContentType contentType,
            UUID contentId,
            UUID postId,
            String postTitle,
            String commentExcerpt,
            boolean contentHidden,
            boolean contentDeleted,
            long reports,
            Map<ReportReason, Long> reasons,
            String latestNote,
            Instant firstReportedAt,
            Instant latestReportedAt,
            ReportStatus status,
            Instant resolvedAt,
            String resolvedBy,
            String resolutionReason,
            /* the content's author: null for an announcement by a marketer or admin */
            UUID authorMemberId,
            String authorDisplayName,
            boolean authorBanned,
            /* the queue's order key: latest report when open, resolution time when resolved */
            Instant orderKey) {}

    private static final int EXCERPT = 200;

    private final EntityManager em;

    public ReportRepository(EntityManager em) {
        this.em = em;
    }

    /** Opens a report unless the member has an open one on this content; true when this call opened it. */
    public boolean open(
            UUID id,
            ContentType type,
            UUID contentId,
            UUID postId,
            UUID reporter,
            ReportReason reason,
            String note,
            Instant at) {
        return em.createNativeQuery("""
                        insert into content_report
                            (id, content_type, content_id, post_id, reporter_member_id, reason, note, created_at)
                        values (:id, :type, :content, :post, :reporter, :reason, :note, :at)
                        on conflict (content_id, reporter_member_id) where status = 'OPEN' do nothing""")
                        .setParameter("id", id)
                        .setParameter("type", type.name())
                        .setParameter("content", contentId)
                        .setParameter("post", postId)
                        .setParameter("reporter", reporter)
                        .setParameter("reason", reason.name())
                        .setParameter("note", note)
                        .setParameter("at", at)
                        .executeUpdate()
                == 1;
    }

    /** Resolves every open report of the content as {@code status}; returns how many. */
    public int resolve(UUID contentId, ReportStatus status, String by, String reason, Instant at) {
        return em.createNativeQuery("""
                        update content_report set status = :status, resolved_at = :at, resolved_by = :by,
                            resolution_reason = :reason
                        where content_id = :content and status = 'OPEN'""")
                .setParameter("status", status.name())
                .setParameter("at", at)
                .setParameter("by", by)
                .setParameter("reason", reason)
                .setParameter("content", contentId)
                .executeUpdate();
    }

    /**
     * One page of the queue: reports of {@code status} grouped per content (and resolution), latest first (open: by
     * latest report; resolved: by resolution time), after the position {@code (afterKey, afterContent)} (exclusive;
     * null: from the start).
     */
    @SuppressWarnings("unchecked")
    public List<QueueEntry> queue(ReportStatus status, Instant afterKey, UUID afterContent, int limit) {
        String from = afterKey == null
                ? ""
                : " having (coalesce(r.resolved_at, max(r.created_at)), r.content_id) < (:at, :after)";
        var query = em.createNativeQuery(
                        """
                        select r.content_type, r.content_id, r.post_id, p.title, left(c.body, %d),
                            coalesce(c.hidden_at, p.hidden_at) is not null,
                            coalesce(c.deleted_at, p.deleted_at) is not null,
                            count(*),
                            count(*) filter (where r.reason = 'SPAM'),
                            count(*) filter (where r.reason = 'ABUSE'),
                            count(*) filter (where r.reason = 'OFF_TOPIC'),
                            count(*) filter (where r.reason = 'MISINFORMATION'),
                            count(*) filter (where r.reason = 'OTHER'),
                            (array_agg(r.note order by r.created_at desc) filter (where r.note is not null))[1],
                            min(r.created_at), max(r.created_at),
                            r.resolved_at, r.resolved_by, r.resolution_reason,
                            coalesce(r.resolved_at, max(r.created_at)) as order_key,
                            a.member_id, a.display_name, a.banned_at is not null
                        from content_report r
                        join post p on p.id = r.post_id
                        left join comment c on r.content_type = 'COMMENT' and c.id = r.content_id
                        left join community_member a
                            on a.member_id = case when r.content_type = 'COMMENT' then c.author_member_id
                                else p.author_member_id end
                        where r.status = :status
                        group by r.content_type, r.content_id, r.post_id, p.title, c.body, c.hidden_at, p.hidden_at,
                            c.deleted_at, p.deleted_at, r.resolved_at, r.resolved_by, r.resolution_reason,
                            a.member_id, a.display_name, a.banned_at
                        """.formatted(EXCERPT) + from + " order by order_key desc, r.content_id desc limit :limit")
                .setParameter("status", status.name())
                .setParameter("limit", limit);
        if (afterKey != null) {
            query.setParameter("at", afterKey).setParameter("after", afterContent);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> entry(r, status)).toList();
    }

    private static QueueEntry entry(Object[] r, ReportStatus status) {
        Map<ReportReason, Long> reasons = new EnumMap<>(ReportReason.class);
        ReportReason[] order = {
            ReportReason.SPAM,
            ReportReason.ABUSE,
            ReportReason.OFF_TOPIC,
            ReportReason.MISINFORMATION,
            ReportReason.OTHER
        };
        for (int i = 0; i < order.length; i++) {
            long n = ((Number) r[8 + i]).longValue();
            if (n > 0) {
                reasons.put(order[i], n);
            }
        }
        ContentType type = ContentType.valueOf((String) r[0]);
        return new QueueEntry(
                type,
                (UUID) r[1],
                (UUID) r[2],
                (String) r[3],
                type == ContentType.COMMENT ? (String) r[4] : null,
                (Boolean) r[5],
                (Boolean) r[6],
                ((Number) r[7]).longValue(),
                reasons,
                (String) r[13],
                (Instant) r[14],
                (Instant) r[15],
                status,
                (Instant) r[16],
                (String) r[17],
                (String) r[18],
                (UUID) r[20],
                (String) r[21],
                r[20] != null && (Boolean) r[22],
                (Instant) r[19]);
    }
}
