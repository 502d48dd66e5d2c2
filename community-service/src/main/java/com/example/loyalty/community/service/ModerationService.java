package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.Comment;
import com.example.loyalty.community.domain.ContentType;
import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.ReportStatus;
import com.example.loyalty.community.repository.CommentRepository;
import com.example.loyalty.community.repository.ModerationLog;
import com.example.loyalty.community.repository.PostRepository;
import com.example.loyalty.community.repository.ReportRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Moderators hide and unhide posts and comments. Hidden content is kept (with who hid it, when and why) but appears
 * nowhere: not in feeds, search, ratings, counters or analytics.
 *
 * <ul>
 *   <li>Hiding revokes the contributions about the content ({@link Contributions#revokeAbout}, reason {@code "HIDDEN:
 *       " + reason}): for a post its POST or REVIEW contribution and the REACTION_RECEIVED ones for reactions to the
 *       post; for a comment its ANSWER, ACCEPTED_ANSWER and REACTION_RECEIVED ones. Answers on a hidden post keep
 *       theirs: their authors did nothing wrong.
 *   <li>Hiding resolves the content's open reports as HIDDEN.
 *   <li>Hiding or unhiding a comment recounts its post's counters in the same transaction. A question whose accepted
 *       answer is hidden keeps it as accepted (unhiding restores it as it was); analytics count acceptances of
 *       visible answers only.
 *   <li>Unhiding makes the content visible again; the revoked contributions do not come back (neither score nor
 *       points).
 *   <li>Hiding hidden content or unhiding visible content is a 409; deleted or unknown content is a 404.
 * </ul>
 *
 * Every action is audited in the moderation log (HIDE / UNHIDE, POST / COMMENT, the content id, the reason).
 */
@ApplicationScoped
public class ModerationService {

    /** What a hide or unhide did. */
    public record Outcome(
            ContentType contentType,
            UUID id,
            UUID postId,
            boolean hidden,
            Instant at,
            String by,
            String reason,
            int revokedContributions,
            int resolvedReports) {}

    private final Callers callers;
    private final PostRepository posts;
    private final CommentRepository comments;
    private final ReportRepository reports;
    private final Contributions contributions;
    private final ModerationLog log;
    private final MeterRegistry registry;

    public ModerationService(
            Callers callers,
            PostRepository posts,
            CommentRepository comments,
            ReportRepository reports,
            Contributions contributions,
            ModerationLog log,
            MeterRegistry registry) {
        this.callers = callers;
        this.posts = posts;
        this.comments = comments;
        this.reports = reports;
        this.contributions = contributions;
        this.log = log;
        this.registry = registry;
    }

    @Transactional
    public Outcome hidePost(UUID id, String reason) {
        Post post = posts.findForUpdate(id).filter(p -> p.deletedAt == null).orElseThrow(() -> noSuchPost(id));
        if (post.hiddenAt != null) {
            throw Problems.conflict("already-hidden", "Already hidden", "post " + id + " is hidden already");
        }
        Instant now = now();
        String moderator = callers.subject();
        post.hiddenAt = now;
        post.hiddenBy = moderator;
        post.hiddenReason = reason;
        posts.flush();
        List<Contribution> revoked = contributions.revokeAbout(post.id, "HIDDEN: " + reason, now);
        int resolved = reports.resolve(post.id, ReportStatus.HIDDEN, moderator, reason, now);
        return done(ContentType.POST, post.id, post.id, true, now, moderator, reason, revoked.size(), resolved);
    }

    @Transactional
    public Outcome unhidePost(UUID id, String reason) {
        Post post = posts.findForUpdate(id).filter(p -> p.deletedAt == null).orElseThrow(() -> noSuchPost(id));
        if (post.hiddenAt == null) {
            throw Problems.conflict("not-hidden", "Not hidden", "post " + id + " is not hidden");
        }
        Instant now = now();
        post.hiddenAt = null;
        post.hiddenBy = null;
        post.hiddenReason = null;
        return done(ContentType.POST, post.id, post.id, false, now, callers.subject(), reason, 0, 0);
    }

    @Transactional
    public Outcome hideComment(UUID id, String reason) {
        Comment comment = lockComment(id);
        if (comment.hiddenAt != null) {
            throw Problems.conflict("already-hidden", "Already hidden", "comment " + id + " is hidden already");
        }
        Instant now = now();
        String moderator = callers.subject();
        comment.hiddenAt = now;
        comment.hiddenBy = moderator;
        comment.hiddenReason = reason;
        comments.flush();
        posts.recount(comment.postId);
        List<Contribution> revoked = contributions.revokeAbout(comment.id, "HIDDEN: " + reason, now);
        int resolved = reports.resolve(comment.id, ReportStatus.HIDDEN, moderator, reason, now);
        return done(
                ContentType.COMMENT,
                comment.id,
                comment.postId,
                true,
                now,
                moderator,
                reason,
                revoked.size(),
                resolved);
    }

    @Transactional
    public Outcome unhideComment(UUID id, String reason) {
        Comment comment = lockComment(id);
        if (comment.hiddenAt == null) {
            throw Problems.conflict("not-hidden", "Not hidden", "comment " + id + " is not hidden");
        }
        Instant now = now();
        comment.hiddenAt = null;
        comment.hiddenBy = null;
        comment.hiddenReason = null;
        comments.flush();
        posts.recount(comment.postId);
        return done(ContentType.COMMENT, comment.id, comment.postId, false, now, callers.subject(), reason, 0, 0);
    }

    /**
     * The comment, locked for update after its post (the order the content service locks them in; the post's counters
     * change with the comment); 404 if deleted or unknown.
     */
    private Comment lockComment(UUID id) {
        Comment comment = comments.findById(id);
        if (comment == null) {
            throw noSuchComment(id);
        }
        posts.findForUpdate(comment.postId);
        comments.getEntityManager().refresh(comment, LockModeType.PESSIMISTIC_WRITE);
        if (comment.deletedAt != null) {
            throw noSuchComment(id);
        }
        return comment;
    }

    private Outcome done(
            ContentType type,
            UUID id,
            UUID postId,
            boolean hidden,
            Instant at,
            String by,
            String reason,
            int revoked,
            int resolved) {
        String action = hidden ? "HIDE" : "UNHIDE";
        log.record(by, action, type.name(), id.toString(), reason, at);
        registry.counter(
                        "loyalty.community.moderation",
                        "action",
                        action.toLowerCase(Locale.ROOT),
                        "type",
                        type.name().toLowerCase(Locale.ROOT))
                .increment();
        return new Outcome(type, id, postId, hidden, at, by, reason, revoked, resolved);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static RuntimeException noSuchPost(UUID id) {
        return Problems.notFound("post-not-found", "No such post", "no post " + id);
    }

    private static RuntimeException noSuchComment(UUID id) {
        return Problems.notFound("comment-not-found", "No such comment", "no comment " + id);
    }
}
