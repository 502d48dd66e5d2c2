package com.example.loyalty.community.service;

import com.example.loyalty.common.persistence.TimeOrderedIds;
import com.example.loyalty.common.text.Enums;
import com.example.loyalty.common.web.FieldProblem;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.Comment;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.ContributionKind;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.Reaction;
import com.example.loyalty.community.domain.ReactionKind;
import com.example.loyalty.community.domain.ReactionTarget;
import com.example.loyalty.community.repository.CommentRepository;
import com.example.loyalty.community.repository.PostRepository;
import com.example.loyalty.community.repository.ReactionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Reactions to posts and comments: one per member, target and kind (the unique key settles races: the loser gets a
 * 409). A reaction from someone other than the author is a REACTION_RECEIVED contribution of the author, caused by
 * the reaction; taking the reaction back revokes it.
 */
@ApplicationScoped
public class ReactionService {

    /** A reaction given. */
    public record Given(UUID id, ReactionTarget targetType, UUID targetId, ReactionKind kind, Instant at) {}

    private final ContentAccess access;
    private final CommentService commentService;
    private final PostRepository posts;
    private final CommentRepository comments;
    private final ReactionRepository reactions;
    private final Contributions contributions;
    private final MeterRegistry registry;

    public ReactionService(
            ContentAccess access,
            CommentService commentService,
            PostRepository posts,
            CommentRepository comments,
            ReactionRepository reactions,
            Contributions contributions,
            MeterRegistry registry) {
        this.access = access;
        this.commentService = commentService;
        this.posts = posts;
        this.comments = comments;
        this.reactions = reactions;
        this.contributions = contributions;
        this.registry = registry;
    }

    @Transactional
    public Given reactToPost(UUID postId, String kindName) {
        ReactionKind kind = kind(kindName);
        CommunityMember member = access.writer();
        Post post = access.post(postId);
        return react(member, ReactionTarget.POST, post.id, post.id, post.spaceId, post.authorMemberId, kind);
    }

    @Transactional
    public Given reactToComment(UUID commentId, String kindName) {
        ReactionKind kind = kind(kindName);
        CommunityMember member = access.writer();
        Comment comment = commentService.visibleComment(commentId);
        Post post = posts.findById(comment.postId);
        return react(member, ReactionTarget.COMMENT, comment.id, post.id, post.spaceId, comment.authorMemberId, kind);
    }

    @Transactional
    public void withdrawFromPost(UUID postId, String kindName) {
        ReactionKind kind = kind(kindName);
        CommunityMember member = access.writer();
        Post post = access.post(postId);
        withdraw(member, ReactionTarget.POST, post.id, kind);
    }

    @Transactional
    public void withdrawFromComment(UUID commentId, String kindName) {
        ReactionKind kind = kind(kindName);
        CommunityMember member = access.writer();
        Comment comment = commentService.visibleComment(commentId);
        withdraw(member, ReactionTarget.COMMENT, comment.id, kind);
    }

    private Given react(
            CommunityMember member,
            ReactionTarget type,
            UUID targetId,
            UUID postId,
            UUID spaceId,
            UUID authorMemberId,
            ReactionKind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Reaction reaction = new Reaction();
        reaction.id = TimeOrderedIds.next();
        reaction.targetType = type;
        reaction.targetId = targetId;
        reaction.postId = postId;
        reaction.memberId = member.memberId;
        reaction.kind = kind;
        reaction.createdAt = now;
        if (!reactions.insertIfAbsent(reaction)) {
            throw Problems.conflict(
                    "already-reacted",
                    "Already reacted",
                    "this member already gave " + kind + " here; DELETE it to take it back");
        }
        count(type, targetId, kind, 1);
        if (authorMemberId != null && !authorMemberId.equals(member.memberId)) {
            contributions.record(
                    Contributions.Cause.of(
                                    ContributionKind.REACTION_RECEIVED, authorMemberId, targetId, reaction.id, spaceId)
                            .by(member.memberId.toString()),
                    now);
        }
        registry.counter("loyalty.community.reactions", "kind", kind.name().toLowerCase(Locale.ROOT))
                .increment();
        return new Given(reaction.id, type, targetId, kind, now);
    }

    private void withdraw(CommunityMember member, ReactionTarget type, UUID targetId, ReactionKind kind) {
        UUID id = reactions
                .delete(targetId, member.memberId, kind)
                .orElseThrow(() -> Problems.notFound(
                        "reaction-not-found", "No such reaction", "this member has not given " + kind + " here"));
        count(type, targetId, kind, -1);
        contributions.revokeCausedBy(ContributionKind.REACTION_RECEIVED, id, "REACTION_WITHDRAWN", Instant.now());
    }

    private void count(ReactionTarget type, UUID targetId, ReactionKind kind, int delta) {
        if (type == ReactionTarget.POST) {
            posts.reactionCounted(targetId, kind, delta);
        } else {
            comments.reactionCounted(targetId, kind, delta);
        }
    }

    private static ReactionKind kind(String name) {
        ReactionKind kind = Enums.parse(ReactionKind.class, name);
        if (kind == null) {
            throw Problems.invalid(
                    "invalid-reaction",
                    "Invalid reaction",
                    java.util.List.of(new FieldProblem("kind", "LIKE, HELPFUL or THANKS")));
        }
        return kind;
    }
}
