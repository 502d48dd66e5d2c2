package com.example.loyalty.community.rest;

import com.example.loyalty.community.repository.SearchRepository;
import com.example.loyalty.community.service.SearchService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of search hits, best first")
public record SearchResponse(
        @Schema(description = "The hits of this page") List<Hit> items,

        @Schema(description = "Cursor of the next page; null on the last page", nullable = true)
        String nextCursor) {

    @Schema(description = "A post that matches")
    public record Hit(
            @Schema(description = "The post") UUID id,
            @Schema(description = "Its space") UUID spaceId,

            @Schema(description = "DISCUSSION, QUESTION, REVIEW or ANNOUNCEMENT")
            String kind,

            String title,

            @Schema(description = "The body's first 200 characters, as written")
            String excerpt,

            List<String> tags,

            @Schema(description = "The author's display name; null for announcements", nullable = true)
            String authorName,

            Instant createdAt,
            @Schema(description = "Visible comments") int commentCount,

            @Schema(description = "Relevance (higher is better); only comparable within one search")
            double score,

            @Schema(description = "POST: the post's title, tags or body match; COMMENTS: only its comments do")
            String matchedIn) {}

    static SearchResponse from(SearchService.Page page) {
        return new SearchResponse(page.hits().stream().map(SearchResponse::hit).toList(), page.nextCursor());
    }

    private static Hit hit(SearchRepository.Hit h) {
        return new Hit(
                h.id(),
                h.spaceId(),
                h.kind(),
                h.title(),
                h.excerpt(),
                h.tags(),
                h.authorName(),
                h.createdAt(),
                h.commentCount(),
                h.rank(),
                h.onlyInComments() ? "COMMENTS" : "POST");
    }
}
