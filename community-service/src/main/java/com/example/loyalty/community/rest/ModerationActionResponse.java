package com.example.loyalty.community.rest;

import com.example.loyalty.community.repository.ModerationLog;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One audited moderation or designation action")
public record ModerationActionResponse(
        long id,
        @Schema(description = "Who acted (token subject)") String actor,

        @Schema(description = "What was done", examples = "BAN_MEMBER")
        String action,

        @Schema(description = "Kind of target", examples = "MEMBER")
        String targetType,

        String targetId,
        String reason,
        Instant at) {

    static ModerationActionResponse from(ModerationLog.Entry e) {
        return new ModerationActionResponse(
                e.id(), e.actor(), e.action(), e.targetType(), e.targetId(), e.reason(), e.at());
    }
}
