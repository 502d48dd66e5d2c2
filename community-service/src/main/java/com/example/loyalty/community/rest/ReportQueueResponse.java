package com.example.loyalty.community.rest;

import com.example.loyalty.community.repository.ReportRepository.QueueEntry;
import com.example.loyalty.community.service.ReportService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of the report queue")
public record ReportQueueResponse(
        List<Entry> items,

        @Schema(description = "Cursor of the next page; null on the last page", nullable = true)
        String nextCursor) {

    @Schema(description = "A reported post or comment and its reports")
    public record Entry(
            @Schema(description = "POST or COMMENT") String contentType,
            UUID contentId,

            @Schema(description = "The post (itself, or the comment's)")
            UUID postId,

            @Schema(description = "The post's title") String postTitle,

            @Schema(description = "A reported comment's first 200 characters", nullable = true)
            String commentExcerpt,

            @Schema(description = "Whether it is hidden now (or, for a comment, its post)")
            boolean hidden,

            @Schema(description = "Whether its author deleted it (or, for a comment, its post)")
            boolean deleted,

            @Schema(description = "How many reports") long reports,

            @Schema(description = "Reports by reason (reasons without reports left out)")
            Map<String, Long> reasons,

            @Schema(description = "The latest note given with a report", nullable = true)
            String latestNote,

            Instant firstReportedAt,
            Instant latestReportedAt,

            @Schema(description = "OPEN, HIDDEN or DISMISSED")
            String status,

            @Schema(nullable = true) Instant resolvedAt,

            @Schema(description = "The moderator who resolved them", nullable = true)
            String resolvedBy,

            @Schema(nullable = true) String resolutionReason,

            @Schema(
                    description =
                            "The author's member id, to ban them; null for an announcement by a marketer or" + " admin",
                    nullable = true)
            UUID authorMemberId,

            @Schema(description = "The author's display name, when known", nullable = true)
            String authorDisplayName,

            @Schema(description = "Whether the author is banned from the community now")
            boolean authorBanned) {}

    static ReportQueueResponse from(ReportService.QueuePage page) {
        return new ReportQueueResponse(
                page.entries().stream().map(ReportQueueResponse::entry).toList(), page.nextCursor());
    }

    private static Entry entry(QueueEntry e) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        e.reasons().forEach((reason, n) -> reasons.put(reason.name(), n));
        return new Entry(
                e.contentType().name(),
                e.contentId(),
                e.postId(),
                e.postTitle(),
                e.commentExcerpt(),
                e.contentHidden(),
                e.contentDeleted(),
                e.reports(),
                reasons,
                e.latestNote(),
                e.firstReportedAt(),
                e.latestReportedAt(),
                e.status().name(),
                e.resolvedAt(),
                e.resolvedBy(),
                e.resolutionReason(),
                e.authorMemberId(),
                e.authorDisplayName(),
                e.authorBanned());
    }
}
