package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.ReactionService.Given;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A reaction given")
public record ReactionResponse(
        UUID id,
        @Schema(enumeration = {"POST", "COMMENT"}) String targetType,
        UUID targetId,
        @Schema(enumeration = {"LIKE", "HELPFUL", "THANKS"}) String kind,
        Instant createdAt) {

    public static ReactionResponse from(Given g) {
        return new ReactionResponse(
                g.id(), g.targetType().name(), g.targetId(), g.kind().name(), g.at());
    }
}
