package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.ReactionKind;
import com.example.loyalty.community.service.PostService.PostDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A post. The body is returned exactly as written: render it as text (or sanitized Markdown)")
public record PostResponse(
        UUID id,
        UUID spaceId,

        @Schema(enumeration = {"DISCUSSION", "QUESTION", "REVIEW", "ANNOUNCEMENT"})
        String kind,

        String title,
        String body,
        @Schema(enumeration = {"PLAIN", "MARKDOWN"}) String format,
        List<String> tags,
        String productId,
        Integer rating,
        AuthorResponse author,
        Instant createdAt,
        Instant editedAt,

        @Schema(description = "Creation or the latest visible comment")
        Instant lastActivityAt,

        @Schema(description = "Visible comments, answers included")
        int commentCount,

        @Schema(description = "Visible answers (questions)") int answerCount,

        @Schema(description = "Unique viewers per day, summed; up to a few seconds behind")
        long viewCount,

        ReactionCounts reactions,

        @Schema(description = "A question with an accepted answer")
        boolean solved,

        UUID acceptedCommentId,

        @Schema(description = "The caller's reactions to this post")
        List<String> myReactions) {

    public static PostResponse from(PostDetails d) {
        return from(d.post(), d.authorName(), d.mine(), d.myReactions());
    }

    public static PostResponse from(Post p, String authorName, boolean mine, List<ReactionKind> myReactions) {
        return new PostResponse(
                p.id,
                p.spaceId,
                p.kind.name(),
                p.title,
                p.body,
                p.format.name(),
                List.copyOf(p.tags),
                p.productId,
                p.rating,
                AuthorResponse.of(authorName, p.authorMemberId == null, mine, p.authorSubject),
                p.createdAt,
                p.editedAt,
                p.lastActivityAt,
                p.commentCount,
                p.answerCount,
                p.viewCount,
                new ReactionCounts(p.likeCount, p.helpfulCount, p.thanksCount),
                p.solved(),
                p.acceptedCommentId,
                myReactions.stream().map(Enum::name).toList());
    }
}
