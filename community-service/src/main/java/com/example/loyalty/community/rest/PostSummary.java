package com.example.loyalty.community.rest;

import com.example.loyalty.community.repository.FeedRepository.FeedEntry;
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

    public static PostSummary from(FeedEntry p, String callerSubject) {
        return new PostSummary(
                p.id(),
                p.kind(),
                p.title(),
                excerpt(p.excerpt()),
                p.format(),
                p.tags(),
                p.productId(),
                p.rating(),
                AuthorResponse.of(
                        p.authorName(),
                        p.authorMemberId() == null,
                        callerSubject.equals(p.authorSubject()),
                        p.authorSubject()),
                p.createdAt(),
                p.lastActivityAt(),
                p.commentCount(),
                p.answerCount(),
                p.viewCount(),
                new ReactionCounts(p.likeCount(), p.helpfulCount(), p.thanksCount()),
                p.solved());
    }

    /** The first {@link #EXCERPT} chars of {@code body}, one less rather than half a surrogate pair. */
    static String excerpt(String body) {
        return body.length() <= EXCERPT
                ? body
                : body.substring(0, Character.isHighSurrogate(body.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT);
    }
}
