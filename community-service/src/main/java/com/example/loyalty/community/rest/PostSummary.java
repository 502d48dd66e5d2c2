package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.Post;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A post in a feed: everything but the full body")
public record PostSummary(
        UUID id,

        @Schema(enumeration = {"DISCUSSION", "QUESTION", "REVIEW", "ANNOUNCEMENT"})
        String kind,

        String title,

        @Schema(description = "The body's first 200 characters, as written")
        String excerpt,

        @Schema(enumeration = {"PLAIN", "MARKDOWN"}) String format,
        List<String> tags,
        String productId,
        Integer rating,
        AuthorResponse author,
        Instant createdAt,
        Instant lastActivityAt,
        int commentCount,
        int answerCount,
        long viewCount,
        ReactionCounts reactions,
        boolean solved) {

    static final int EXCERPT = 200;

    public static PostSummary from(Post p, String authorName, String callerSubject) {
        String excerpt = p.body.length() <= EXCERPT
                ? p.body
                : p.body.substring(0, Character.isHighSurrogate(p.body.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT);
        return new PostSummary(
                p.id,
                p.kind.name(),
                p.title,
                excerpt,
                p.format.name(),
                List.copyOf(p.tags),
                p.productId,
                p.rating,
                AuthorResponse.of(
                        authorName, p.authorMemberId == null, callerSubject.equals(p.authorSubject), p.authorSubject),
                p.createdAt,
                p.lastActivityAt,
                p.commentCount,
                p.answerCount,
                p.viewCount,
                new ReactionCounts(p.likeCount, p.helpfulCount, p.thanksCount),
                p.solved());
    }
}
