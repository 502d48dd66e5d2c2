package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.ReportService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A report as filed; moderators see it in their queue")
public record ReportResponse(
        UUID id,
        @Schema(description = "POST or COMMENT") String contentType,
        UUID contentId,
        String reason,
        @Schema(nullable = true) String note,
        @Schema(description = "OPEN") String status,
        Instant createdAt) {

    static ReportResponse from(ReportService.Filed f) {
        return new ReportResponse(
                f.id(), f.contentType().name(), f.contentId(), f.reason().name(), f.note(), "OPEN", f.createdAt());
    }
}
