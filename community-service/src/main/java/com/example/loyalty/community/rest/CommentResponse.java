package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.Comment;
import com.example.loyalty.community.service.CommentService.CommentDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A comment; the body is returned exactly as written")
public record CommentResponse(
        UUID id,
        UUID postId,
        String body,

        @Schema(description = "An answer to a question (written by someone other than the asker)")
        boolean answer,

        @Schema(description = "The question's accepted answer")
        boolean accepted,

        AuthorResponse author,
        Instant createdAt,
        Instant editedAt,
        ReactionCounts reactions,

        @Schema(description = "The caller's reactions to this comment")
        List<String> myReactions) {

    public static CommentResponse from(CommentDetails d) {
        Comment c = d.comment();
        return new CommentResponse(
                c.id,
                c.postId,
                c.body,
                c.answer,
                d.accepted(),
                AuthorResponse.of(d.authorName(), c.authorMemberId == null, d.mine(), c.authorSubject),
                c.createdAt,
                c.editedAt,
                new ReactionCounts(c.likeCount, c.helpfulCount, c.thanksCount),
                d.myReactions().stream().map(Enum::name).toList());
    }
}
