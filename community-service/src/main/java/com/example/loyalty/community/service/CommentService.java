package com.example.loyalty.community.service;

import com.example.loyalty.common.persistence.TimeOrderedIds;
import com.example.loyalty.common.web.FieldProblem;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.config.CommunityConfig;
import com.example.loyalty.community.domain.Comment;
import com.example.loyalty.community.domain.CommentRevision;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.ContributionKind;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.PostKind;
import com.example.loyalty.community.domain.Reaction;
import com.example.loyalty.community.domain.ReactionKind;
import com.example.loyalty.community.repository.CommentRepository;
import com.example.loyalty.community.repository.PostRepository;
import com.example.loyalty.community.repository.ReactionRepository;
import com.example.loyalty.community.repository.RevisionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Comments and answers. On a question, a comment by someone other than the asker is an answer (an ANSWER
 * contribution). The asker, or a marketer or admin, accepts one answer: its author gets an ACCEPTED_ANSWER
 * contribution (none when accepting one's own comment). Accepting another answer moves the acceptance: the
 * previous answer's ACCEPTED_ANSWER is revoked, and an answer earns its acceptance only once (accepting it again
 * later gives nothing more), so moving the acceptance back and forth cannot farm points.
 */
@ApplicationScoped
public class CommentService {

    /** A comment with what the caller sees about it. */
    public record CommentDetails(
            Comment comment, String authorName, boolean mine, boolean accepted, List<ReactionKind> myReactions) {}

    /** A page of comments; {@code nextCursor} is null on the last page. */
    public record CommentPage(List<CommentDetails> comments, String nextCursor) {}

    /** The question's state after an acceptance. */
    public record Acceptance(UUID postId, UUID acceptedCommentId, UUID previousCommentId, Instant acceptedAt) {}

    private static final String ORDER = "COMMENTS";

    private final ContentAccess access;
    private final Callers callers;
    private final PostRepository posts;
    private final CommentRepository comments;
    private final ReactionRepository reactions;
    private final RevisionRepository revisions;
    private final PostingLimit limit;
    private final Contributions contributions;
    private final PostService postService;
    private final CommunityConfig config;
    private final MeterRegistry registry;

    public CommentService(
            ContentAccess access,
            Callers callers,
            PostRepository posts,
            CommentRepository comments,
            ReactionRepository reactions,
            RevisionRepository revisions,
            PostingLimit limit,
            Contributions contributions,
            PostService postService,
            CommunityConfig config,
            MeterRegistry registry) {
        this.access = access;
        this.callers = callers;
        this.posts = posts;
        this.comments = comments;
        this.reactions = reactions;
        this.revisions = revisions;
        this.limit = limit;
        this.contributions = contributions;
        this.postService = postService;
        this.config = config;
        this.registry = registry;
    }

    @Transactional
    public CommentDetails add(UUID postId, String body) {
        CommunityMember author = access.writer();
        Post post = access.post(postId);
        checkBody(body);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        limit.take(author, now);
        Comment comment = new Comment();
        comment.id = TimeOrderedIds.next();
        comment.postId = post.id;
        comment.authorSubject = callers.subject();
        comment.authorMemberId = author.memberId;
        comment.body = body;
        comment.answer = post.kind == PostKind.QUESTION && !comment.authorSubject.equals(post.authorSubject);
        comment.createdAt = now;
        comments.persist(comment);
        posts.commentAdded(post.id, comment.answer, now);
        if (comment.answer) {
            contributions.record(
                    Contributions.Cause.of(
                            ContributionKind.ANSWER, author.memberId, comment.id, comment.id, post.spaceId),
                    now);
        }
        registry.counter("loyalty.community.comments", "answer", Boolean.toString(comment.answer))
                .increment();
        return new CommentDetails(comment, author.displayName, true, false, List.of());
    }

    /** A page of the post's visible comments, oldest first. */
    @Transactional
    public CommentPage list(UUID postId, String cursor, int pageSize) {
        Cursors.Position position = Cursors.decode(ORDER, cursor);
        Post post = access.post(postId);
        List<Comment> page = comments.page(
                post.id,
                position == null ? null : new CommentRepository.Position(position.at(), position.id()),
                pageSize + 1);
        String next = null;
        if (page.size() > pageSize) {
            page = page.subList(0, pageSize);
            Comment last = page.get(page.size() - 1);
            next = Cursors.encode(ORDER, last.createdAt, last.id);
        }
        List<Comment> shown = page;
        Map<UUID, String> names =
                postService.authorNames(page.stream().map(c -> c.authorMemberId).toList());
        Map<UUID, List<ReactionKind>> mine = new HashMap<>();
        callers.findMember().ifPresent(m -> {
            for (Reaction r : reactions.byMemberOn(shown.stream().map(c -> c.id).toList(), m.memberId)) {
                mine.computeIfAbsent(r.targetId, k -> new ArrayList<>()).add(r.kind);
            }
        });
        String subject = callers.subject();
        List<CommentDetails> details = page.stream()
                .map(c -> new CommentDetails(
                        c,
                        names.get(c.authorMemberId),
                        subject.equals(c.authorSubject),
                        c.id.equals(post.acceptedCommentId),
                        mine.getOrDefault(c.id, List.of()).stream().sorted().toList()))
                .toList();
        return new CommentPage(details, next);
    }

    /** Accepts {@code commentId} as the answer to the question (the asker, a marketer or an admin). */
    @Transactional
    public Acceptance accept(UUID postId, UUID commentId) {
        Post post = access.postForUpdate(postId);
        String subject = callers.subject();
        boolean asker = subject.equals(post.authorSubject);
        if (!asker && !access.staff()) {
            throw Problems.forbidden(
                    "not-asker", "Not your question", "only the asker, a marketer or an admin accepts an answer");
        }
        if (asker && post.authorMemberId != null) {
            access.writer();
        }
        if (post.kind != PostKind.QUESTION) {
            throw Problems.unprocessable("not-a-question", "Not a question", "only questions have an accepted answer");
        }
        Comment comment = commentId == null ? null : comments.findById(commentId);
        if (comment == null || !comment.postId.equals(post.id) || !comment.visible()) {
            throw Problems.unprocessable(
                    "no-such-answer",
                    "No such answer",
                    "comment " + commentId + " is not a visible comment on this question");
        }
        if (comment.id.equals(post.acceptedCommentId)) {
            return new Acceptance(post.id, comment.id, null, post.acceptedAt);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID previous = post.acceptedCommentId;
        if (previous != null) {
            contributions.revokeCausedBy(ContributionKind.ACCEPTED_ANSWER, previous, "ACCEPTANCE_MOVED", now);
        }
        post.acceptedCommentId = comment.id;
        post.acceptedAt = now;
        post.acceptedBy = subject;
        if (comment.answer && comment.authorMemberId != null && !subject.equals(comment.authorSubject)) {
            String actor = callers.findMember().map(m -> m.memberId.toString()).orElse(subject);
            contributions.record(
                    Contributions.Cause.of(
                                    ContributionKind.ACCEPTED_ANSWER,
                                    comment.authorMemberId,
                                    comment.id,
                                    comment.id,
                                    post.spaceId)
                            .by(actor),
                    now);
        }
        return new Acceptance(post.id, comment.id, previous, now);
    }

    /** Replaces the comment's body (author only), keeping the previous one. */
    @Transactional
    public Comment edit(UUID commentId, String body) {
        Comment comment = ownVisibleComment(commentId);
        checkBody(body);
        if (body.equals(comment.body)) {
            return comment;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CommentRevision revision = new CommentRevision();
        revision.commentId = comment.id;
        revision.body = comment.body;
        revision.writtenAt = comment.editedAt == null ? comment.createdAt : comment.editedAt;
        revision.replacedAt = now;
        revision.replacedBy = callers.subject();
        revisions.add(revision);
        comment.body = body;
        comment.editedAt = now;
        return comment;
    }

    /**
     * Soft-deletes the comment (author only): it leaves the counts, its contributions (answer, acceptance, reactions
     * received) are revoked, and a question whose accepted answer it was is unsolved again.
     */
    @Transactional
    public void delete(UUID commentId) {
        Comment found = comments.findById(commentId);
        if (found == null) {
            throw noSuchComment(commentId);
        }
        Post post = access.postForUpdate(found.postId);
        Comment comment = ownVisibleComment(commentId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        comment.deletedAt = now;
        if (comment.id.equals(post.acceptedCommentId)) {
            post.acceptedCommentId = null;
            post.acceptedAt = null;
            post.acceptedBy = null;
        }
        contributions.revokeAbout(comment.id, "DELETED", now);
        comments.flush();
        posts.recount(post.id);
    }

    @Transactional
    public List<CommentRevision> history(UUID commentId) {
        Comment comment = visibleComment(commentId);
        return revisions.ofComment(comment.id);
    }

    /** The visible comment on a post the caller sees, else 404. */
    public Comment visibleComment(UUID commentId) {
        Comment comment = comments.findById(commentId);
        if (comment == null || !comment.visible()) {
            throw noSuchComment(commentId);
        }
        try {
            access.post(comment.postId);
        } catch (RuntimeException e) {
            throw noSuchComment(commentId);
        }
        return comment;
    }

    private Comment ownVisibleComment(UUID commentId) {
        Comment comment = visibleComment(commentId);
        comments.getEntityManager().refresh(comment, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!comment.visible()) {
            throw noSuchComment(commentId);
        }
        if (!callers.subject().equals(comment.authorSubject)) {
            throw Problems.forbidden("not-author", "Not your comment", "only the author edits or deletes a comment");
        }
        access.writer();
        return comment;
    }

    private void checkBody(String body) {
        int max = config.posting().maxCommentLength();
        if (body == null || body.isBlank()) {
            throw Problems.invalid("invalid-comment", "Invalid comment", List.of(new FieldProblem("body", "required")));
        }
        if (body.length() > max) {
            throw Problems.invalid(
                    "invalid-comment",
                    "Invalid comment",
                    List.of(new FieldProblem("body", "at most " + max + " characters")));
        }
    }

    public static RuntimeException noSuchComment(UUID id) {
        return Problems.notFound("comment-not-found", "No such comment", "no comment " + id);
    }
}
