package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.ModerationService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a hide or unhide did")
public record ModerationResponse(
        @Schema(description = "POST or COMMENT") String contentType,
        UUID id,

        @Schema(description = "The post (itself, or the comment's)")
        UUID postId,

        @Schema(description = "Whether the content is hidden now")
        boolean hidden,

        @Schema(description = "When the action took place") Instant at,

        @Schema(description = "The moderator (token subject)")
        String by,

        String reason,

        @Schema(description = "Contributions revoked by hiding (0 on unhide: revoked ones do not come back)")
        int revokedContributions,

        @Schema(description = "Open reports resolved as HIDDEN by hiding")
        int resolvedReports) {

    static ModerationResponse from(ModerationService.Outcome o) {
        return new ModerationResponse(
                o.contentType().name(),
                o.id(),
                o.postId(),
                o.hidden(),
                o.at(),
                o.by(),
                o.reason(),
                o.revokedContributions(),
                o.resolvedReports());
    }
}
