package com.example.loyalty.community.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The question's accepted answer")
public record AcceptanceResponse(
        UUID postId,
        UUID acceptedCommentId,

        @Schema(description = "The answer accepted before, whose acceptance this one replaced (null if none)")
        UUID previousCommentId,

        boolean solved,
        Instant acceptedAt) {}
