package com.example.loyalty.community.service;

import com.example.loyalty.common.text.Enums;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.Comment;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.ContentType;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.ReportReason;
import com.example.loyalty.community.domain.ReportStatus;
import com.example.loyalty.community.domain.Space;
import com.example.loyalty.community.repository.CommentRepository;
import com.example.loyalty.community.repository.ModerationLog;
import com.example.loyalty.community.repository.PostRepository;
import com.example.loyalty.community.repository.ReportRepository;
import com.example.loyalty.community.repository.ReportRepository.QueueEntry;
import com.example.loyalty.community.repository.SpaceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Members report posts and comments they see (one open report per member and content); moderators work through the
 * queue of reported content and resolve a content's open reports by hiding it ({@link ModerationService}) or by
 * dismissing them. Dismissals are audited in the moderation log.
 */
@ApplicationScoped
public class ReportService {

    /** A report as filed. */
    public record Filed(
            UUID id, ContentType contentType, UUID contentId, ReportReason reason, String note, Instant createdAt) {}

    /** A page of the queue; {@code nextCursor} is null on the last page. */
    public record QueuePage(List<QueueEntry> entries, String nextCursor) {}

    private final Callers callers;
    private final PostRepository posts;
    private final CommentRepository comments;
    private final SpaceRepository spaces;
    private final ReportRepository reports;
    private final ModerationLog log;
    private final MeterRegistry registry;

    public ReportService(
            Callers callers,
            PostRepository posts,
            CommentRepository comments,
            SpaceRepository spaces,
            ReportRepository reports,
            ModerationLog log,
            MeterRegistry registry) {
        this.callers = callers;
        this.posts = posts;
        this.comments = comments;
        this.spaces = spaces;
        this.reports = reports;
        this.log = log;
        this.registry = registry;
    }

    /** The calling member reports a visible post of a space they see. */
    @Transactional
    public Filed reportPost(UUID postId, String reason, String note) {
        ReportReason why = reason(reason);
        CommunityMember me = callers.writer();
        Post post = posts.findById(postId);
        if (post == null || !post.visible() || !sees(me, post)) {
            throw Problems.notFound("post-not-found", "No such post", "no post " + postId);
        }
        notOwn(me, post.authorMemberId);
        return file(me, ContentType.POST, post.id, post.id, why, note);
    }

    /** The calling member reports a visible comment on a visible post of a space they see. */
    @Transactional
    public Filed reportComment(UUID commentId, String reason, String note) {
        ReportReason why = reason(reason);
        CommunityMember me = callers.writer();
        Comment comment = comments.findById(commentId);
        Post post = comment == null ? null : posts.findById(comment.postId);
        if (comment == null || !comment.visible() || post == null || !post.visible() || !sees(me, post)) {
            throw Problems.notFound("comment-not-found", "No such comment", "no comment " + commentId);
        }
        notOwn(me, comment.authorMemberId);
        return file(me, ContentType.COMMENT, comment.id, post.id, why, note);
    }

    /** One page of reported content of {@code status} (default OPEN), latest first. */
    @Transactional
    public QueuePage queue(String status, String cursor, String limitParam) {
        int limit = Params.limit(limitParam, 20, 100);
        ReportStatus wanted =
                status == null || status.isBlank() ? ReportStatus.OPEN : Enums.parse(ReportStatus.class, status);
        if (wanted == null) {
            throw Problems.badRequest("bad-status", "Unknown status", "status is OPEN, HIDDEN or DISMISSED");
        }
        Position after = decode(wanted, cursor);
        List<QueueEntry> page =
                reports.queue(wanted, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            QueueEntry last = page.get(page.size() - 1);
            next = encode(wanted, last.orderKey(), last.contentId());
        }
        return new QueuePage(page, next);
    }

    /**
     * Dismisses the content's open reports (the content stays as it is); audited as {@code DISMISS_REPORTS}. Returns
     * how many were dismissed.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 when no post or comment has this id, 409
     *     {@code no-open-reports} when it has none open
     */
    @Transactional
    public Dismissed dismiss(UUID contentId, String reason) {
        ContentType type;
        if (posts.findById(contentId) != null) {
            type = ContentType.POST;
        } else if (comments.findById(contentId) != null) {
            type = ContentType.COMMENT;
        } else {
            throw Problems.notFound("content-not-found", "No such content", "no post or comment " + contentId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String moderator = callers.subject();
        int dismissed = reports.resolve(contentId, ReportStatus.DISMISSED, moderator, reason, now);
        if (dismissed == 0) {
            throw Problems.conflict(
                    "no-open-reports", "No open reports", "there are no open reports about " + contentId);
        }
        log.record(moderator, "DISMISS_REPORTS", type.name(), contentId.toString(), reason, now);
        registry.counter("loyalty.community.reports.dismissed").increment(dismissed);
        return new Dismissed(type, contentId, dismissed, now);
    }

    /** The outcome of a dismissal. */
    public record Dismissed(ContentType contentType, UUID contentId, int dismissed, Instant at) {}

    private Filed file(
            CommunityMember me, ContentType type, UUID contentId, UUID postId, ReportReason why, String note) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (!reports.open(id, type, contentId, postId, me.memberId, why, kept, now)) {
            throw Problems.conflict(
                    "already-reported",
                    "Already reported",
                    "this member already has an open report about " + contentId + "; moderators will look at it");
        }
        registry.counter(
                        "loyalty.community.reports",
                        "reason",
                        why.name().toLowerCase(Locale.ROOT),
                        "type",
                        type.name().toLowerCase(Locale.ROOT))
                .increment();
        return new Filed(id, type, contentId, why, kept, now);
    }

    private boolean sees(CommunityMember me, Post post) {
        Space space = spaces.findById(post.spaceId);
        return space != null && (callers.isMarketer() || callers.isAdmin() || space.visibleToTier(me.tier));
    }

    private static void notOwn(CommunityMember me, UUID authorMemberId) {
        if (me.memberId.equals(authorMemberId)) {
            throw Problems.unprocessable(
                    "own-content", "Your own content", "members report others' content; edit or delete your own");
        }
    }

    private static ReportReason reason(String reason) {
        ReportReason parsed = Enums.parse(ReportReason.class, reason);
        if (parsed == null) {
            throw Problems.badRequest(
                    "bad-reason", "Unknown reason", "reason is SPAM, ABUSE, OFF_TOPIC, MISINFORMATION or OTHER");
        }
        return parsed;
    }

    private record Position(Instant at, UUID id) {}

    private static String encode(ReportStatus status, Instant at, UUID id) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        long value = micros.getEpochSecond() * 1_000_000L + micros.getNano() / 1000;
        String raw = "r1|" + status + "|" + value + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(ReportStatus status, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals("r1") || !parts[1].equals(status.name())) {
                throw new IllegalArgumentException("not a cursor of this queue");
            }
            long value = Long.parseLong(parts[2]);
            return new Position(
                    Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000),
                    UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw Problems.badRequest(
                    "bad-cursor",
                    "Bad cursor",
                    "the cursor is not one this queue returned (pass nextCursor unchanged)");
        }
    }
}
